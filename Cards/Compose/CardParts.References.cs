using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;

namespace SecretBot.Cards.Compose;

public static partial class CardParts
{
    /// <summary>
    /// "Base légale": each reference, linked when it has an address, with whether it was checked at
    /// its source, and the statute's own words (or, unchecked, the summary) behind a toggle. Ids are
    /// numbered so that toggles never collide in a card.
    /// </summary>
    /// <param name="titled">With its section title; without when a toggle already names it.</param>
    public static Container References(TextCatalog texts, IReadOnlyList<LegalReference> references, bool titled = true) =>
        new([
            .. titled ? new CardElement[] { SectionTitle(texts["references.title"]) } : [],
            .. Require.Some(references, nameof(references)).SelectMany((reference, index) => Reference(texts, reference, index + 1)),
        ]);

    private static IEnumerable<CardElement> Reference(TextCatalog texts, LegalReference reference, int number)
    {
        var title = MarkdownText.Escape(reference.Title);
        yield return new TextBlock(reference.Url is { } url ? $"[{title}]({LinkTarget(url)})" : title) { Spacing = Spacing.Small };
        yield return Note(reference.Status) with { Spacing = Spacing.None };
        var statute = !string.IsNullOrWhiteSpace(reference.StatuteText);
        if (!statute && string.IsNullOrWhiteSpace(reference.Summary))
            yield break;
        var textId = $"reference-{number}-text";
        CardElement shown = statute ? TextBlock.Verbatim(reference.StatuteText!) : Paragraph(reference.Summary!);
        var penalty = string.IsNullOrWhiteSpace(reference.Penalty) ? [] : new CardElement[] { Note(reference.Penalty) };
        yield return new ActionSet([new ToggleVisibilityAction(texts[statute ? "action.showText" : "action.showSummary"], textId)])
        {
            Spacing = Spacing.None,
        };
        yield return new Container([shown, .. penalty])
        {
            Id = textId,
            IsVisible = false,
            Style = ContainerStyle.Emphasis,
            Spacing = Spacing.Small,
        };
    }

    /// <summary>A Markdown link target: parentheses and spaces would end the link early.</summary>
    private static string LinkTarget(Uri url) =>
        url.IsAbsoluteUri
            ? url.AbsoluteUri.Replace("(", "%28").Replace(")", "%29").Replace(" ", "%20")
            : throw new ArgumentException("A reference links to an absolute URL.", nameof(url));
}
