using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;
using static SecretBot.Cards.Compose.CardParts;

namespace SecretBot.Cards.Catalog;

/// <summary>
/// The question card once answered: the question and the choice, no buttons left to click
/// (it replaces the question card in place).
/// </summary>
public static class AnsweredQuestionCard
{
    /// <param name="shared">
    /// In a group chat or a channel everyone sees the card: it says which answer was chosen, not
    /// "your answer", and not who chose it.
    /// </param>
    public static AdaptiveCard Create(TextCatalog texts, QuestionCardInput question, string choiceId, bool shared = false)
    {
        var answer = texts.Format(shared ? "answered.sharedAnswer" : "answered.yourAnswer", question.ChoiceWithId(choiceId).Label.In(texts.Language));
        var spoken = $"{question.Text} {answer}";
        return new AdaptiveCard(texts.Tag, spoken, spoken,
        [
            Progress(texts, question.Progress),
            Heading(question.Text) with { Size = TextSize.Medium },
            new TextBlock(answer) { Weight = TextWeight.Bolder, Color = TextColor.Accent },
        ]);
    }
}
