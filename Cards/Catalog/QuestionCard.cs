using SecretBot.Cards.Compose;
using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;
using static SecretBot.Cards.Compose.CardParts;

namespace SecretBot.Cards.Catalog;

/// <summary>One interview question: progress, the question, one button per choice, why it is asked.</summary>
public static class QuestionCard
{
    public const string HelpId = "question-help";

    public static AdaptiveCard Create(TextCatalog texts, QuestionCardInput question)
    {
        var spoken = Spoken(texts, question);
        return new AdaptiveCard(texts.Tag, spoken, spoken,
        [
            .. question.Emergency.Count == 0 ? [] : new CardElement[] { Emergency(texts, question.Emergency) },
            .. question.TopicTitle is { } topic ? new CardElement[] { TopicLine(topic) } : [],
            Progress(texts, question.Progress),
            Heading(question.Text),
            .. RetryHint(texts, question),
            .. ChoiceButtons(question.Labels(texts.Language),
                (index, title) => Button(title, CardVerbs.Answer, Ids(question, (CardDataKeys.Choice, question.Choices[index].Id)))),
            // Under the choices, on a row of its own: beside three others its title is cut on a phone.
            .. question.Help is null ? [] : new CardElement[] { new ActionSet([new ToggleVisibilityAction(texts["action.why"], HelpId)]) { Spacing = Spacing.Small } },
            .. HelpText(question),
        ])
        {
            Actions =
            [
                .. question.Progress.IsFirst ? [] : new CardAction[] { Button(texts["action.back"], CardVerbs.Back, Ids(question)) },
                Button(texts["action.cancel"], CardVerbs.Cancel, Ids(question)),
                Button(texts["action.otherTopic"], CardVerbs.OtherQuestion),
            ],
        };
    }

    /// <summary>What a screen reader says and what a client without cards shows: the question and its numbered choices.</summary>
    private static string Spoken(TextCatalog texts, QuestionCardInput question) =>
        string.Concat(question.Emergency.Count == 0 ? "" : $"{texts["emergency.title"]} {string.Join(", ", question.Emergency.Select(n => $"{n.Number} {n.Name}"))}. ",
            texts.Format("question.fallback", question.Text,
                string.Join(", ", question.Labels(texts.Language).Select((label, index) => $"{index + 1}. {label}"))));

    /// <summary>Every button names its topic and question, so that a click on an old card can be recognised as stale.</summary>
    private static (string, string)[] Ids(QuestionCardInput question, params (string, string)[] more) =>
        [(CardDataKeys.Topic, question.Topic), (CardDataKeys.Question, question.QuestionId), .. more];

    private static IEnumerable<CardElement> RetryHint(TextCatalog texts, QuestionCardInput question)
    {
        if (question.ShowRetryHint)
            // Calm, not red: a reply the bot did not recognise is not the person's fault.
            yield return new Container([Paragraph(texts[question.MentionRequired ? "question.retryHintMention" : "question.retryHint"])])
            {
                Style = ContainerStyle.Emphasis,
            };
    }

    private static IEnumerable<CardElement> HelpText(QuestionCardInput question)
    {
        if (question.Help is { } help)
            yield return new Container([Paragraph(help)]) { Id = HelpId, IsVisible = false, Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium };
    }
}
