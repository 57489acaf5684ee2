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
    public static AdaptiveCard Create(TextCatalog texts, QuestionCardInput question, string choiceId)
    {
        var answer = texts.Format("answered.yourAnswer", question.ChoiceWithId(choiceId).Label.In(texts.Language));
        var spoken = $"{question.Text} {answer}";
        return new AdaptiveCard(texts.Tag, spoken, spoken,
        [
            Progress(texts, question.Progress),
            Heading(question.Text) with { Size = TextSize.Medium },
            new TextBlock(answer) { Weight = TextWeight.Bolder, Color = TextColor.Accent },
        ]);
    }
}
