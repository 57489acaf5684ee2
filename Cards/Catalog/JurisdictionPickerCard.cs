using SecretBot.Cards.Compose;
using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;
using static SecretBot.Cards.Compose.CardParts;

namespace SecretBot.Cards.Catalog;

/// <summary>
/// Belgique or France; shows the current choice when there is one. With none, the one the Teams
/// language suggests comes first, but nothing is chosen for the person.
/// </summary>
public static class JurisdictionPickerCard
{
    /// <param name="emergency">Emergency numbers to show first, when the person asked about a danger before choosing the country.</param>
    public static AdaptiveCard Create(TextCatalog texts, Jurisdiction? current, Jurisdiction? suggested = null,
        IReadOnlyList<EmergencyNumber>? emergency = null)
    {
        var first = current is null ? suggested : null;
        var order = Enum.GetValues<Jurisdiction>().OrderBy(j => j == first ? 0 : 1).ToList();
        var currentLine = current is { } known ? texts.Format("jurisdictionPicker.current", texts.NameOf(known)) : null;
        var spoken = string.Join(" ", new[] { texts["jurisdictionPicker.title"], texts["jurisdictionPicker.body"], currentLine }.OfType<string>());
        return new AdaptiveCard(texts.Tag, spoken, spoken,
        [
            .. emergency is { Count: > 0 } ? new CardElement[] { Emergency(texts, emergency) } : [],
            Heading(texts["jurisdictionPicker.title"]),
            Paragraph(texts["jurisdictionPicker.body"]),
            .. currentLine is null ? [] : new CardElement[] { Note(currentLine) },
            StackedButtons(order.Select(jurisdiction => Button(
                texts.NameOf(jurisdiction),
                CardVerbs.SetJurisdiction,
                (CardDataKeys.Jurisdiction, TextNames.Code(jurisdiction))) with
            {
                Style = jurisdiction == current ? ActionStyle.Positive : null,
            })),
        ]);
    }
}
