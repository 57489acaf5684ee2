using SecretBot.Cards.Compose;
using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;
using static SecretBot.Cards.Compose.CardParts;

namespace SecretBot.Cards.Catalog;

/// <summary>Français or English; each language is named in itself.</summary>
public static class LanguagePickerCard
{
    public static AdaptiveCard Create(TextCatalog texts)
    {
        var current = texts.Format("languagePicker.current", texts.NameOf(texts.Language));
        var spoken = string.Join(" ", texts["languagePicker.title"], current);
        return new AdaptiveCard(texts.Tag, spoken, spoken,
        [
            Heading(texts["languagePicker.title"]),
            Note(current),
            StackedButtons(Enum.GetValues<Language>().Select(language => Button(
                texts.NameOf(language),
                CardVerbs.SetLanguage,
                (CardDataKeys.Language, TextNames.Code(language))))),
        ]);
    }
}
