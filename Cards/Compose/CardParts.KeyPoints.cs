using SecretBot.Knowledge.Evaluation;
using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;

namespace SecretBot.Cards.Compose;

public static partial class CardParts
{
    /// <summary>The key points, numbered.</summary>
    public static Container KeyPoints(TextCatalog texts, IReadOnlyList<string> points) =>
        new([SectionTitle(texts["keyPoints.title"]), .. NumberedList(Require.Some(points, nameof(points))).Items]);

    /// <summary>The toggle's title for the points not shown: « Voir l’autre point », « Voir les 3 autres points ».</summary>
    public static string MorePoints(TextCatalog texts, int count) =>
        count == 1 ? texts["keyPoints.moreOne"] : texts.Format("keyPoints.more", count);

    /// <summary>Numbered rows, one each so that a long item wraps under its own text, not under its number.</summary>
    /// <param name="first">The number of the first item (a list continued after "plus de points").</param>
    public static Container NumberedList(IReadOnlyList<string> items, int first = 1) =>
        new(items.Select((item, index) => (CardElement)new ColumnSet([
            new Column([new TextBlock($"{index + first}.") { Weight = TextWeight.Bolder }]) { Width = ColumnWidth.Auto },
            new Column([new TextBlock(item)]) { Width = ColumnWidth.Stretch, Spacing = Spacing.Small },
        ]) { Spacing = Spacing.Small }).ToArray());

    /// <summary>Each condition with ✓ or ✗ and the word that says it, from the person's own answers.</summary>
    /// <param name="titled">With its section title; without when a toggle already names it.</param>
    public static Container Conditions(TextCatalog texts, IReadOnlyList<ConditionCheck> conditions, bool titled = true) =>
        new([
            .. titled ? new CardElement[] { SectionTitle(texts["conditions.title"]) } : [],
            .. Require.Some(conditions, nameof(conditions)).Select(condition => (CardElement)new RichTextBlock([
                new TextRun(texts[condition.Met ? "conditions.met" : "conditions.notMet"])
                {
                    Weight = TextWeight.Bolder,
                    // Teams' green is too pale for text on white: only the unmet condition gets a colour.
                    Color = condition.Met ? null : TextColor.Attention,
                },
                new TextRun(" " + condition.Text.In(texts.Language)),
            ]) { Spacing = Spacing.Small }),
        ]);

    /// <summary>"Vous m'avez dit": the person's answers as question / answer pairs.</summary>
    /// <param name="titled">With its section title; without when a toggle already names it.</param>
    public static Container Facts(TextCatalog texts, IReadOnlyList<Fact> facts, bool titled = true) =>
        new([.. titled ? new CardElement[] { SectionTitle(texts["facts.title"]) } : [], new FactSet(facts)]);
}
