using SecretBot.Cards.Catalog;
using SecretBot.Cards.Compose;
using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;
using SecretBot.Conversations.Turns;
using SecretBot.Dialogs.Engine;
using SecretBot.Dialogs.Events;
using SecretBot.Dialogs.Turns;
using SecretBot.Knowledge.Model;

namespace SecretBot.Conversations.Interviews;

/// <summary>
/// Asks one question of an interview as a question card (its topic named, its place in the
/// interview, the emergency numbers on the danger topic's first question), reads the reply with
/// <see cref="ChoiceReader"/>, replaces the card by its answered form, and hands the chosen
/// choice's id to the interview. "Aide" here is the question's own help.
/// </summary>
public sealed class QuestionPrompt(KnowledgeBase knowledge) : Prompt(Name)
{
    public const string Name = "question";
    private const string JurisdictionOption = "j";
    private const string TopicOption = "t";
    private const string QuestionOption = "q";
    private const string NumberOption = "n";
    private const string TotalOption = "total";

    // A question card is the same for everyone who gets that question in that language.
    private readonly CardMemo _cards = new();

    /// <summary>The prompt's options: which question, and its place ("question 2 of at most 4").</summary>
    public static DialogValues Options(Jurisdiction jurisdiction, string topic, string questionId, int number, int total) =>
        new DialogValues().SetId(JurisdictionOption, jurisdiction.ToString()).SetId(TopicOption, topic).SetId(QuestionOption, questionId)
            .SetInt(NumberOption, number).SetInt(TotalOption, Math.Max(total, number));

    public override async Task<bool> OnEventAsync(DialogContext context, DialogInstance instance, DialogEvent dialogEvent,
        CancellationToken cancellationToken)
    {
        if (dialogEvent.Name != DialogEvent.Help || Read(instance).Question.Help.In(context.Conversation().Language) is not { Length: > 0 } help)
        {
            return false;
        }

        await context.SayAsync(help, cancellationToken);
        await RepromptAsync(context, instance, cancellationToken);
        return true;
    }

    protected override OutgoingMessage Ask(DialogContext context, DialogInstance instance, PromptAsk ask)
    {
        var language = context.Conversation().Language;
        var texts = TextCatalog.For(language);
        var input = CardInput(instance, language) with
        {
            ShowRetryHint = ask != PromptAsk.Question,
            MentionRequired = context.Conversation().Kind != ConversationKind.Personal,
        };
        var (_, card) = _cards.Get(Key("question", language, input, null), () => QuestionCard.Create(texts, input));
        return new OutgoingMessage(ask == PromptAsk.StartOver ? texts["notice.startOverOffer"] : input.Text, card);
    }

    protected override PromptReply Recognize(DialogContext context, DialogInstance instance)
    {
        var language = context.Conversation().Language;
        var (interview, question, _, _) = Read(instance);
        var (kind, choice) = ChoiceReader.Read(context.Input, interview.Topic, question, language);
        if (kind != RecognitionKind.Recognized)
        {
            return kind == RecognitionKind.Stale ? PromptReply.Stale : PromptReply.NotRecognized;
        }

        var input = CardInput(instance, language);
        var shared = context.Conversation().Kind != ConversationKind.Personal;
        var (_, card) = _cards.Get(Key(shared ? "answered-shared" : "answered", language, input, choice!.Id),
            () => AnsweredQuestionCard.Create(TextCatalog.For(language), input, choice.Id, shared));
        return new PromptReply(RecognitionKind.Recognized, choice.Id, new OutgoingMessage(input.Text, card));
    }

    private (Interview Interview, Question Question, int Number, int Total) Read(DialogInstance instance)
    {
        var values = instance.Values;
        if (!Enum.TryParse<Jurisdiction>(values.GetId(JurisdictionOption), out var jurisdiction)
            || !knowledge.Jurisdictions.TryGetValue(jurisdiction, out var sources)
            || values.GetId(TopicOption) is not { } topic || !sources.Interviews.TryGetValue(topic, out var interview)
            || values.GetId(QuestionOption) is not { } id || interview.FindQuestion(id) is not { } question)
        {
            throw new UnknownPromptException($"{values.GetId(JurisdictionOption)}/{values.GetId(TopicOption)}/{values.GetId(QuestionOption)}");
        }

        var number = Math.Max(1, values.GetInt(NumberOption) ?? 1);
        return (interview, question, number, Math.Max(number, values.GetInt(TotalOption) ?? number));
    }

    private QuestionCardInput CardInput(DialogInstance instance, Language language)
    {
        var (interview, question, number, total) = Read(instance);
        var sources = knowledge[interview.Jurisdiction];
        return new QuestionCardInput(interview.Topic, question.Id, question.Text.In(language), question.Choices, new QuestionProgress(number, total))
        {
            Help = question.Help.In(language) is { Length: > 0 } help ? help : null,
            TopicTitle = interview.Title.In(language),
            // The danger topic opens with the numbers to call.
            Emergency = number == 1
                ? AnswerCard.EmergencyNumbers(interview.EmergencyIds.Select(id => sources.Resources[id]), language)
                : [],
        };
    }

    /// <summary>Everything a question card is drawn from: the language and the whole input, texts included.</summary>
    private static string Key(string card, Language language, QuestionCardInput input, string? chosen) => CardMemo.Key(
    [
        card, language, input.Topic, input.TopicTitle, input.QuestionId, input.Text, input.Help, input.Progress.Number, input.Progress.Total,
        input.ShowRetryHint, input.MentionRequired, chosen, .. input.Choices.SelectMany(choice => new[] { choice.Id, choice.Label.In(language) }),
        .. input.Emergency.Select(number => $"{number.Number}={number.Name}"),
    ]);
}
