using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;

namespace SecretBot.Cards.Compose;

public static partial class CardParts
{
    /// <summary>
    /// The emergency reflex, before anything else: "Danger pour la vie, maintenant ?" and a button per
    /// number that dials it where Teams can (phones), with the numbers also written out.
    /// </summary>
    public static Container Emergency(TextCatalog texts, IReadOnlyList<EmergencyNumber> numbers) =>
        new([
            new TextBlock(texts["emergency.title"]) { Weight = TextWeight.Bolder, Color = TextColor.Attention, Wrap = true },
            Paragraph(string.Join(" · ", Require.Some(numbers, nameof(numbers)).Select(n => $"**{MarkdownText.Escape(n.Number)}** {MarkdownText.Escape(n.Name)}")))
                with { Spacing = Spacing.Small },
            // Two buttons a row: four side by side (France's 112, 15, 17, 119) are cut on a phone.
            .. numbers.Chunk(2).Select(pair => new ActionSet(pair.Select(n => (CardAction)new OpenUrlAction(texts.Format("emergency.call", n.Number), n.Dial)).ToList())
            {
                Spacing = Spacing.Small,
            }),
        ])
        {
            Style = ContainerStyle.Attention,
            Bleed = true,
        };

    /// <summary>The topic a question belongs to, so the person sees what the bot understood.</summary>
    public static TextBlock TopicLine(string topicTitle) => Note(topicTitle) with { Weight = TextWeight.Bolder, Spacing = Spacing.None };
}

/// <summary>A number to call in an emergency: "112", "urgences". <see cref="Dial"/> is its <c>tel:</c> address.</summary>
public sealed record EmergencyNumber(string Number, string Name)
{
    public Uri Dial => new($"tel:{new string(Number.Where(char.IsAsciiDigit).ToArray())}");
}
