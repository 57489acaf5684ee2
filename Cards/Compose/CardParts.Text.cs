using SecretBot.Cards.Model;

namespace SecretBot.Cards.Compose;

/// <summary>
/// The building blocks every card is made of. Cards import them with
/// <c>using static SecretBot.Cards.Compose.CardParts;</c> so that a card reads top to bottom like
/// the card it draws.
/// Texts passed in are SecretBot's own Markdown (from texts.json or the knowledge); text that must
/// read literally (a user's words, a statute) goes through <see cref="MarkdownText.Escape"/> or
/// <see cref="TextBlock.Verbatim"/>.
/// </summary>
public static partial class CardParts
{
    /// <summary>The card's title, announced as a heading by screen readers.</summary>
    public static TextBlock Heading(string text) => new(text) { Style = TextBlockStyle.Heading, Size = TextSize.Large, Weight = TextWeight.Bolder };

    /// <summary>A section's title inside a card, also a heading for screen readers.</summary>
    public static TextBlock SectionTitle(string text) =>
        new(text) { Style = TextBlockStyle.Heading, Size = TextSize.Medium, Weight = TextWeight.Bolder, Spacing = Spacing.Medium };

    public static TextBlock Paragraph(string text) => new(text);

    /// <summary>Secondary text: smaller and toned down, never the only place of something important.</summary>
    public static TextBlock Note(string text) => new(text) { Size = TextSize.Small, IsSubtle = true };

    /// <summary>The privacy promise shown wherever people are invited to type.</summary>
    public static TextBlock PrivacyPromise(Texts.TextCatalog texts) => Note(texts["privacy.promise"]);
}
