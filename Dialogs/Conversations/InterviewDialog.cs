using SecretBot.Cards.Catalog;
using SecretBot.Dialogs.Engine;
using SecretBot.Dialogs.Prompts;
using SecretBot.Dialogs.Turns;
using SecretBot.Knowledge.Evaluation;
using SecretBot.Knowledge.Model;
using Choice = SecretBot.Dialogs.Prompts.Choice;

namespace SecretBot.Dialogs.Conversations;

/// <summary>What an interview hands back when it ends: its topic and the answers given (ids only, in memory).</summary>
public sealed record InterviewResult(Jurisdiction Jurisdiction, string Topic, IReadOnlyDictionary<string, string> Answers);

/// <summary>
/// One generic dialog walks any interview of the knowledge: one question card at a time (skipping
/// questions whose condition fails), then the answer card. "Retour" takes back the last answer;
/// "recommencer" starts the interview again. Begun from a typed message, it first shows what it
/// understood (the facts the message gave, a danger it mentions) with a way to correct it, and
/// never answers on facts the person has not seen: when the message answered every question, the
/// answer waits for their confirmation.
/// </summary>
public sealed class InterviewDialog(KnowledgeBase knowledge, Evaluator evaluator) : Dialog(Name)
{
    public const string Name = "interview";
    public const string JurisdictionOption = "j";
    public const string TopicOption = "t";
    public const string AnswerPrefix = "a.";

    /// <summary>Option: the answers come from a typed message, and must be shown before they are used.</summary>
    public const string TypedOption = "typed";

    /// <summary>Option: the typed message mentions a present danger while it asks another question.</summary>
    public const string DangerCueOption = "danger";

    private const string Current = "cur";
    private const string AwaitingConfirmation = "confirm";

    // An answer card is the same for everyone who gave the same answers: the evaluation is pure.
    private readonly Cards.Model.CardMemo _answerCards = new();

    public override bool IsRestartable => true;

    public override Task<DialogTurnResult> BeginAsync(DialogContext context, DialogValues? options, CancellationToken cancellationToken)
    {
        var instance = context.ActiveDialog!;
        foreach (var (key, value) in options?.All ?? [])
        {
            instance.Values.SetRaw(key.StartsWith(AnswerPrefix, StringComparison.Ordinal) ? key : WaterfallDialog.OptionsPrefix + key, value);
        }

        return options?.GetFlag(TypedOption) == true && (Answers(instance).Count > 0 || options.GetFlag(DangerCueOption))
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
        if (context.Texts.IsYes(context.Input.Text))
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

    /// <summary>"C'est bien cela" and "Corriger" on the card of what was understood.</summary>
    public override async Task<bool> OnInterruptionAsync(DialogContext context, Interruptions.Interruption interruption, CancellationToken cancellationToken)
    {
        if (interruption.Kind != Interruptions.InterruptionKind.Action
            || interruption.Verb is not (Cards.Compose.CardVerbs.ConfirmUnderstood or Cards.Compose.CardVerbs.CorrectUnderstood)
            || context.State.Stack.LastOrDefault(i => i.DialogId == Name) is not { } instance)
        {
            return false;
        }

        if (interruption.Verb == Cards.Compose.CardVerbs.ConfirmUnderstood && !instance.Values.GetFlag(AwaitingConfirmation))
        {
            // A second click, or a click on an older card: the question on screen is the one to answer.
            await context.RepromptDialogAsync(cancellationToken);
            return true;
        }

        if (interruption.Verb == Cards.Compose.CardVerbs.CorrectUnderstood)
        {
            // Nothing understood is kept: every question is asked.
            foreach (var answer in Answers(instance).Keys)
            {
                instance.Values.Remove(AnswerPrefix + answer);
            }
        }

        instance.Values.Remove(AwaitingConfirmation);
        context.State.Stack.RemoveRange(context.State.Stack.IndexOf(instance) + 1, context.State.Stack.Count - context.State.Stack.IndexOf(instance) - 1);
        context.State.Remembered.Remove(Prompt.QuestionMessage);
        await AskNextAsync(context, instance, cancellationToken);
        return true;
    }

    public override Task<DialogTurnResult> ResumeAsync(DialogContext context, object? result, CancellationToken cancellationToken)
    {
        var instance = context.ActiveDialog!;
        if (result is Choice choice && instance.Values.GetId(Current) is { } question)
        {
            instance.Values.SetId(AnswerPrefix + question, choice.Id);
        }

        return AskNextAsync(context, instance, cancellationToken);
    }

    public override bool CanGoBack(DialogInstance instance) => Answers(instance).Count > 0;

    public override async Task BackAsync(DialogContext context, DialogInstance instance, CancellationToken cancellationToken)
    {
        var path = InterviewPath.Walk(InterviewOf(instance), Answers(instance));
        if (path.Asked.Count > 0)
        {
            instance.Values.Remove(AnswerPrefix + path.Asked[^1].Id);
        }

        await AskNextAsync(context, instance, cancellationToken);
    }

    public override string? HelpFor(DialogContext context, DialogInstance instance) =>
        instance.Values.GetId(Current) is { } question ? InterviewOf(instance).FindQuestion(question)?.Help.In(context.Language) : null;

    public static Dictionary<string, string> Answers(DialogInstance instance) =>
        instance.Values.All.Where(v => v.Key.StartsWith(AnswerPrefix, StringComparison.Ordinal) && v.Value is string)
            .ToDictionary(v => v.Key[AnswerPrefix.Length..], v => (string)v.Value, StringComparer.Ordinal);

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

    private Task<string?> SendUnderstoodAsync(DialogContext context, DialogInstance instance, CancellationToken cancellationToken)
    {
        var interview = InterviewOf(instance);
        var language = context.Language;
        var path = InterviewPath.Walk(interview, Answers(instance));
        var facts = path.Asked.Select(q => new Cards.Model.Fact(q.Short.In(language), q.Choices.First(c => c.Id == path.Answers[q.Id]).Label.In(language)))
            .ToList();
        var danger = instance.Values.GetFlag(WaterfallDialog.OptionsPrefix + DangerCueOption)
            ? AnswerCard.EmergencyNumbers(knowledge.Interview(interview.Jurisdiction, Topics.Danger).EmergencyIds
                .Select(id => knowledge[interview.Jurisdiction].Resources[id]), language)
            : [];
        var card = UnderstoodCard.Create(CardPromptPresenter.Texts(language),
            new UnderstoodInput(interview.Title.In(language), facts, path.IsComplete, danger));
        return context.SendAsync(new OutgoingMessage(card.FallbackText, card.ToJsonObject()), cancellationToken);
    }

    private Interview InterviewOf(DialogInstance instance) =>
        knowledge.Interview(Enum.Parse<Jurisdiction>(instance.Values.GetId(WaterfallDialog.OptionsPrefix + JurisdictionOption)!),
            instance.Values.GetId(WaterfallDialog.OptionsPrefix + TopicOption)!);

    private async Task<DialogTurnResult> AskNextAsync(DialogContext context, DialogInstance instance, CancellationToken cancellationToken)
    {
        var interview = InterviewOf(instance);
        var answers = Answers(instance);
        var path = InterviewPath.Walk(interview, answers);
        if (path.Next is { } next)
        {
            instance.Values.SetId(Current, next.Id);
            var key = InterviewPrompts.Key(interview.Jurisdiction, interview.Topic, next.Id, path.NextNumber, Total(interview, path));
            return await context.BeginDialogAsync(ChoicePrompt.DefaultId, new DialogValues().SetId(Prompt.KeyOption, key), cancellationToken);
        }

        var answer = evaluator.Evaluate(interview.Jurisdiction, interview.Topic, path.Answers);
        var texts = CardPromptPresenter.Texts(context.Language);
        // Whether answer cards offer to ask the référents depends on who asks: part of the card's key.
        var canAskReferents = context.Input.CanAskReferents;
        var cardKey = Cards.Model.CardMemo.Key([context.Language, interview.Jurisdiction, interview.Topic, canAskReferents,
            .. path.Answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}")]);
        var (_, card) = _answerCards.Get(cardKey, () => AnswerCard.Create(texts, answer, canAskReferents));
        await context.SendAsync(new OutgoingMessage(answer.Title.In(context.Language), card), cancellationToken);
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
