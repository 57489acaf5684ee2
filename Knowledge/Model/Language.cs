namespace SecretBot.Knowledge.Model;

/// <summary>The languages everything a person reads exists in.</summary>
public enum Language { Fr, En }

public static class Languages
{
    /// <summary>The BCP 47 tag ("fr", "en"): a card's <c>lang</c>, a stored preference.</summary>
    public static string Tag(this Language language) => language == Language.En ? "en" : "fr";

    /// <summary>"fr" or "en" (any case) as a language; anything else is none.</summary>
    public static Language? Parse(string? tag) => tag?.ToLowerInvariant() switch
    {
        "fr" => Language.Fr,
        "en" => Language.En,
        _ => null,
    };
}
