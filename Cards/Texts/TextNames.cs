using SecretBot.Knowledge.Model;

namespace SecretBot.Cards.Texts;

/// <summary>Display names of the choices that belong to the cards, not to the knowledge.</summary>
public static class TextNames
{
    public static string NameOf(this TextCatalog texts, Jurisdiction jurisdiction) =>
        texts[$"jurisdiction.{Code(jurisdiction)}"];

    public static string NameOf(this TextCatalog texts, Language language) =>
        texts[$"language.{Code(language)}"];

    /// <summary>The code sent back in button data ("be", "fr", "en").</summary>
    public static string Code(Jurisdiction jurisdiction) => jurisdiction.ToString().ToLowerInvariant();

    public static string Code(Language language) => language.ToString().ToLowerInvariant();
}
