using SecretBot.Cards.Compose;
using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;
using SecretBot.Knowledge.Evaluation;
using static SecretBot.Cards.Compose.CardParts;

namespace SecretBot.Cards.Catalog;

/// <summary>
/// What the référents' channel receives when someone asks for their opinion: the topic, the law,
/// the choices made and the bot's verdict — never a name, never anything the person typed.
/// </summary>
public static class EscalationSummaryCard
{
    public static AdaptiveCard Create(TextCatalog texts, Answer answer)
    {
        var language = texts.Language;
        var verdict = answer.Title.In(language);
        var spoken = $"{texts["escalation.title"]}. {answer.InterviewTitle.In(language)}. {verdict}";
        return new AdaptiveCard(texts.Tag, spoken, spoken,
        [
            Heading(texts["escalation.title"]),
            Paragraph(texts["escalation.intro"]),
            new FactSet(
            [
                new Fact(texts["escalation.topic"], answer.InterviewTitle.In(language)),
                new Fact(texts["escalation.jurisdiction"], texts.NameOf(answer.Jurisdiction)),
            ]) { Spacing = Spacing.Medium },
            Verdict(texts, new VerdictLine(AnswerCard.KindOf(answer.Verdict), verdict)),
            SectionTitle(texts["escalation.answers"]),
            new FactSet(answer.Given.Select(g => new Fact(g.Question.Text.In(language), g.Choice.Label.In(language))).ToList()),
            Footer(texts, answer.Version.Date),
        ]);
    }
}
