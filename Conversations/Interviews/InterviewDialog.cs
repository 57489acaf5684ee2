using SecretBot.Cards.Catalog;
using SecretBot.Cards.Compose;
using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;
using SecretBot.Conversations.Commands;
using SecretBot.Conversations.Turns;
using SecretBot.Dialogs.Engine;
using SecretBot.Dialogs.Events;
using SecretBot.Dialogs.Turns;
using SecretBot.Knowledge.Evaluation;
using SecretBot.Knowledge.Model;

namespace SecretBot.Conversations.Interviews;

/// <summary>What an interview hands back when it ends: its topic and the answers given (ids only, in memory).</summary>
public sealed record InterviewResult(Jurisdiction Jurisdiction, string Topic, IReadOnlyDictionary<string, string> Answers);

/// <summary>
/// One generic dialog walks any interview of the knowledge: one question at a time
/// (<see cref="QuestionPrompt"/>, skipping questions whose condition fails), then the answer card.
/// "Retour" takes back the last answer; "recommencer" asks every question again. Begun from a
/// typed message, it first shows what it understood (the facts the message gave, a danger it
/// mentions) with a way to correct it, and never answers on facts the person has not seen: when the
/// message answered every question, the answer waits for their confirmation.
/// </summary>
public sealed class InterviewDialog(KnowledgeBase knowledge, Evaluator evaluator, CommandWords words) : Dialog(Name)
{
    public const string Name = "interview";
    public const string AnswerPrefix = "a.";
    private const string JurisdictionKey = "j";
    private const string TopicKey = "t";

    /// <summary>The answers come from a typed message, and must be shown before they are used.</summary>
    private const string TypedKey = "typed";

    /// <summary>The typed message mentions a present danger while it asks another question.</summary>
    private const string DangerCueKey = "danger";

    private const string Current = "cur";
    private const string AwaitingConfirmation = "confirm";

    // An answer card is the same for everyone who gave the same answers: the evaluation is pure.
    private readonly CardMemo _answerCards = new();

    /// <param name="typed">The answers come from a typed message: they are shown before they are used.</param>
    /// <param name="dangerCue">The typed message mentions a present danger while it asks another question.</param>
    public static DialogValues Options(Jurisdiction jurisdiction, string topic, IReadOnlyDictionary<string, string> answers, bool typed = false,
        bool dangerCue = false)
    {
        var options = new DialogValues().SetId(JurisdictionKey, jurisdiction.ToString()).SetId(TopicKey, topic)
            .SetFlag(TypedKey, typed).SetFlag(DangerCueKey, dangerCue);
        foreach (var (question, choice) in answers)
        {
            options.SetId(AnswerPrefix + question, choice);
        }

        return options;
    }

    /// <summary>The topic of an interview on the stack.</summary>
    public static string? TopicOf(DialogInstance instance) => instance.Values.GetId(TopicKey);

    public override Task<DialogTurnResult> BeginAsync(DialogContext context, DialogValues? options, CancellationToken cancellationToken)
    {
        var instance = context.ActiveDialog!;
        foreach (var (key, value) in options?.All ?? [])
        {
            switch (value)
            {
                case string id:
                    instance.Values.SetId(key, id);
                    break;
                case bool flag:
                    instance.Values.SetFlag(key, flag);
                    break;
            }
        }

        return instance.Values.GetFlag(TypedKey) && (Answers(instance).Count > 0 || instance.Values.GetFlag(DangerCueKey))
            ? ShowUnderstoodAsync(context, instance, cancellationToken)
            : AskNextAsync(context, instance, cancellationToken);
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext context, CancellationToken cancellationToken)
    {
        var instance = context.ActiveDialog!;
        if (!instance.Values.GetFlag(AwaitingConfirmation))
        {
            return await AskNextAsync(context, instance, cancellationToken);
        }

        // Waiting for "c'est bien cela": a typed yes confirms; anything else shows the facts again.
        if (words.IsYes(context.Input.Text))
        {
            instance.Values.Remove(AwaitingConfirmation);
            return await AskNextAsync(context, instance, cancellationToken);
        }

        await SendUnderstoodAsync(context, instance, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override async Task RepromptAsync(DialogContext context, DialogInstance instance, CancellationToken cancellationToken)
    {
        if (instance.Values.GetFlag(AwaitingConfirmation))
        {
            await SendUnderstoodAsync(context, instance, cancellationToken);
        }
    }

    public override Task<DialogTurnResult> ResumeAsync(DialogContext context, object? result, CancellationToken cancellationToken)
    {
        var instance = context.ActiveDialog!;
        if (result is string choice && instance.Values.GetId(Current) is { } question)
        {
            instance.Values.SetId(AnswerPrefix + question, choice);
        }

        return AskNextAsync(context, instance, cancellationToken);
    }

    /// <summary>"Retour", "recommencer", and "C'est bien cela" / "Corriger" on the card of what was understood.</summary>
    public override async Task<bool> OnEventAsync(DialogContext context, DialogInstance instance, DialogEvent dialogEvent,
        CancellationToken cancellationToken)
    {
        switch (dialogEvent.Name)
        {
            case DialogEvent.Back when Answers(instance).Count > 0:
                var path = InterviewPath.Walk(InterviewOf(instance), Answers(instance));
                if (path.Asked.Count > 0)
                {
                    instance.Values.Remove(AnswerPrefix + path.Asked[^1].Id);
                }

                break;
            case DialogEvent.Restart:
                // Every question asked again, the understood facts included.
                ForgetAnswers(instance);
                break;
            case CardVerbs.ConfirmUnderstood when !instance.Values.GetFlag(AwaitingConfirmation):
                // A second click, or a click on an older card: the question on screen is the one to answer.
                await context.RepromptDialogAsync(cancellationToken);
                return true;
            case CardVerbs.ConfirmUnderstood:
                break;
            case CardVerbs.CorrectUnderstood:
                // Nothing understood is kept: every question is asked.
                ForgetAnswers(instance);
                break;
            default:
                return false;
        }

        instance.Values.Remove(AwaitingConfirmation);
        await context.CancelAboveAsync(instance);
        await AskNextAsync(context, instance, cancellationToken);
        return true;
    }

    public static Dictionary<string, string> Answers(DialogInstance instance) =>
        instance.Values.All.Where(v => v.Key.StartsWith(AnswerPrefix, StringComparison.Ordinal) && v.Value is string)
            .ToDictionary(v => v.Key[AnswerPrefix.Length..], v => (string)v.Value, StringComparer.Ordinal);

    private static void ForgetAnswers(DialogInstance instance)
    {
        foreach (var answer in Answers(instance).Keys)
        {
            instance.Values.Remove(AnswerPrefix + answer);
        }
    }

    /// <summary>What the typed message gave, before it is used: then the next question, or — every question answered — a wait for "c'est bien cela".</summary>
    private async Task<DialogTurnResult> ShowUnderstoodAsync(DialogContext context, DialogInstance instance, CancellationToken cancellationToken)
    {
        await SendUnderstoodAsync(context, instance, cancellationToken);
        if (InterviewPath.Walk(InterviewOf(instance), Answers(instance)).IsComplete)
        {
            instance.Values.SetFlag(AwaitingConfirmation, true);
            return DialogTurnResult.Waiting;
        }

        return await AskNextAsync(context, instance, cancellationToken);
    }

    private Task SendUnderstoodAsync(DialogContext context, DialogInstance instance, CancellationToken cancellationToken)
    {
        var interview = InterviewOf(instance);
        var language = context.Conversation().Language;
        var path = InterviewPath.Walk(interview, Answers(instance));
        var facts = path.Asked.Select(q => new Fact(q.Short.In(language), q.Choices.First(c => c.Id == path.Answers[q.Id]).Label.In(language)))
            .ToList();
        var danger = instance.Values.GetFlag(DangerCueKey)
            ? AnswerCard.EmergencyNumbers(knowledge.Interview(interview.Jurisdiction, Topics.Danger).EmergencyIds
                .Select(id => knowledge[interview.Jurisdiction].Resources[id]), language)
            : [];
        var card = UnderstoodCard.Create(TextCatalog.For(language), new UnderstoodInput(interview.Title.In(language), facts, path.IsComplete, danger));
        return context.SendAsync(new OutgoingMessage(card.FallbackText, card.ToJsonObject()), cancellationToken);
    }

    private Interview InterviewOf(DialogInstance instance) =>
        Enum.TryParse<Jurisdiction>(instance.Values.GetId(JurisdictionKey), out var jurisdiction) && instance.Values.GetId(TopicKey) is { } topic
            && knowledge.Jurisdictions.TryGetValue(jurisdiction, out var sources) && sources.Interviews.TryGetValue(topic, out var interview)
            ? interview
            : throw new UnknownDialogException($"{Name}:{instance.Values.GetId(JurisdictionKey)}/{instance.Values.GetId(TopicKey)}");

    private async Task<DialogTurnResult> AskNextAsync(DialogContext context, DialogInstance instance, CancellationToken cancellationToken)
    {
        var interview = InterviewOf(instance);
        var path = InterviewPath.Walk(interview, Answers(instance));
        if (path.Next is { } next)
        {
            instance.Values.SetId(Current, next.Id);
            return await context.BeginDialogAsync(QuestionPrompt.Name,
                QuestionPrompt.Options(interview.Jurisdiction, interview.Topic, next.Id, path.NextNumber, Total(interview, path)), cancellationToken);
        }

        var conversation = context.Conversation();
        var language = conversation.Language;
        var answer = evaluator.Evaluate(interview.Jurisdiction, interview.Topic, path.Answers);
        // Whether answer cards offer to ask the référents depends on who asks: part of the card's key.
        var canAskReferents = conversation.CanAskReferents;
        var cardKey = CardMemo.Key([language, interview.Jurisdiction, interview.Topic, canAskReferents,
            .. path.Answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}")]);
        var (_, card) = _answerCards.Get(cardKey, () => AnswerCard.Create(TextCatalog.For(language), answer, canAskReferents));
        await context.SendAsync(new OutgoingMessage(answer.Title.In(language), card), cancellationToken);
        return await context.EndDialogAsync(new InterviewResult(interview.Jurisdiction, interview.Topic, path.Answers), cancellationToken);
    }

    /// <summary>Questions asked so far, this one, and those after it that the answers do not already rule out.</summary>
    private static int Total(Interview interview, InterviewPath path)
    {
        var index = interview.Questions.ToList().IndexOf(path.Next!);
        var later = interview.Questions.Skip(index + 1).Count(q => q.AskWhen is null
            || q.AskWhen.Terms.Any(t => !path.Answers.ContainsKey(t.QuestionId))
            || q.AskWhen.IsMetBy(path.Answers));
        return path.NextNumber + later;
    }
}
