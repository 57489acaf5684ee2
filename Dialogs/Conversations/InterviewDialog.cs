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
/// "recommencer" starts the interview again.
/// </summary>
public sealed class InterviewDialog(KnowledgeBase knowledge, Evaluator evaluator) : Dialog(Name)
{
    public const string Name = "interview";
    public const string JurisdictionOption = "j";
    public const string TopicOption = "t";
    public const string AnswerPrefix = "a.";
    private const string Current = "cur";

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

        return AskNextAsync(context, instance, cancellationToken);
    }

    public override Task<DialogTurnResult> ContinueAsync(DialogContext context, CancellationToken cancellationToken) =>
        AskNextAsync(context, context.ActiveDialog!, cancellationToken);

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
