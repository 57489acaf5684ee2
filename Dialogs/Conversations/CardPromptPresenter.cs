using SecretBot.Cards.Catalog;
using SecretBot.Cards.Compose;
using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;
using SecretBot.Dialogs.Prompts;
using SecretBot.Dialogs.Turns;

namespace SecretBot.Dialogs.Conversations;

/// <summary>Prompts drawn as the product's Adaptive Cards: question cards, answered cards, notices.</summary>
public sealed class CardPromptPresenter : IPromptPresenter
{
    // A question card is the same for everyone who gets that question in that language.
    private readonly CardMemo _cards = new();

    public OutgoingMessage Question(PromptOptions prompt, string language) => QuestionMessage(prompt, language, retry: false);

    public OutgoingMessage Retry(PromptOptions prompt, string language, string hint) => QuestionMessage(prompt, language, retry: true);

    public OutgoingMessage StartOverOffer(PromptOptions prompt, string language, string offer) =>
        QuestionMessage(prompt, language, retry: true) with { Text = offer };

    public OutgoingMessage Answered(PromptOptions prompt, Prompts.Choice chosen, string language)
    {
        var input = Input(prompt);
        var (_, card) = _cards.Get(Key("answered", language, input, chosen.Id),
            () => AnsweredQuestionCard.Create(Texts(language), input, chosen.Id));
        return new OutgoingMessage(prompt.Question, card);
    }

    public OutgoingMessage Help(PromptOptions? prompt, string help, string language) => new(help);

    public OutgoingMessage Notice(string text, string language) => new(text);

    public static CardTexts Texts(string language) => CardTexts.For(language == "en" ? Language.En : Language.Fr);

    private OutgoingMessage QuestionMessage(PromptOptions prompt, string language, bool retry)
    {
        var input = Input(prompt) with { ShowRetryHint = retry };
        var (_, card) = _cards.Get(Key("question", language, input, null), () => QuestionCard.Create(Texts(language), input));
        return new OutgoingMessage(prompt.Question, card, Prompt.QuestionMessage);
    }

    /// <summary>Everything a question card is drawn from: the language and the whole input, texts included.</summary>
    private static string Key(string card, string language, QuestionCardInput input, string? chosen) => CardMemo.Key(
    [
        card, language, input.Topic, input.TopicTitle, input.QuestionId, input.Text, input.Help, input.Progress.Number, input.Progress.Total,
        input.ShowRetryHint, chosen, .. input.Choices.SelectMany(choice => new[] { choice.Id, choice.Label }),
        .. input.Emergency.Select(number => $"{number.Number}={number.Name}"),
    ]);

    private static QuestionCardInput Input(PromptOptions prompt)
    {
        var properties = prompt.Properties ?? new Dictionary<string, string>();
        var number = int.TryParse(properties.GetValueOrDefault("number"), out var n) ? n : 1;
        var total = int.TryParse(properties.GetValueOrDefault("total"), out var t) ? Math.Max(t, number) : number;
        return new QuestionCardInput(properties.GetValueOrDefault("topic", "topic"), properties.GetValueOrDefault(ChoiceRecognizer.QuestionField, prompt.Key),
            prompt.Question, prompt.Choices.Select(c => new Cards.Compose.Choice(c.Id, c.Label)).ToList(), new QuestionProgress(number, total))
        {
            Help = prompt.Help,
            TopicTitle = properties.GetValueOrDefault(InterviewPrompts.TopicTitleProperty),
            Emergency = properties.GetValueOrDefault(InterviewPrompts.EmergencyProperty, "")
                .Split(InterviewPrompts.EmergencySeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(entry => entry.Split(InterviewPrompts.NameSeparator))
                .Select(parts => new EmergencyNumber(parts[0], parts[1])).ToList(),
        };
    }
}
