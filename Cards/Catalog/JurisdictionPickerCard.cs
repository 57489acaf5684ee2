using SecretBot.Cards.Compose;
using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;
using static SecretBot.Cards.Compose.CardParts;

namespace SecretBot.Cards.Catalog;

/// <summary>Belgique or France; shows the current choice when there is one.</summary>
public static class JurisdictionPickerCard
{
    public static AdaptiveCard Create(CardTexts texts, Jurisdiction? current)
    {
        var currentLine = current is { } known ? texts.Format("jurisdictionPicker.current", texts.NameOf(known)) : null;
        var spoken = string.Join(" ", new[] { texts["jurisdictionPicker.title"], texts["jurisdictionPicker.body"], currentLine }.OfType<string>());
        return new AdaptiveCard(texts.Tag, spoken, spoken,
        [
            Heading(texts["jurisdictionPicker.title"]),
            Paragraph(texts["jurisdictionPicker.body"]),
            .. currentLine is null ? [] : new CardElement[] { Note(currentLine) },
            StackedButtons(Enum.GetValues<Jurisdiction>().Select(jurisdiction => Button(
                texts.NameOf(jurisdiction),
                CardVerbs.SetJurisdiction,
                (CardDataKeys.Jurisdiction, CardTextsNames.Code(jurisdiction))) with
            {
                Style = jurisdiction == current ? ActionStyle.Positive : null,
            })),
        ]);
    }
}
