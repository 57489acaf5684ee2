using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace SecretBot.Cards.Texts;

/// <summary>
/// The words the cards themselves use (buttons, titles, promises), read from the embedded
/// <c>cards.json</c>. The texts about the law come from the knowledge, not from here.
/// </summary>
public sealed class CardTexts
{
    private const string ResourceName = "SecretBot.Cards.Texts.cards.json";

    private static readonly FrozenDictionary<Language, CardTexts> All = Load();

    private readonly FrozenDictionary<string, string> texts;

    private CardTexts(Language language, FrozenDictionary<string, string> texts)
    {
        Language = language;
        this.texts = texts;
        Culture = CultureInfo.GetCultureInfo(Tag);
    }

    public Language Language { get; }

    /// <summary>The BCP 47 tag set as the card's <c>lang</c>.</summary>
    public string Tag => Language == Language.Fr ? "fr" : "en";

    public CultureInfo Culture { get; }

    public IReadOnlyCollection<string> Keys => texts.Keys;

    public static CardTexts For(Language language) => All[language];

    /// <summary>The text for a key; a missing key is a programming error caught by the tests.</summary>
    public string this[string key] =>
        texts.TryGetValue(key, out var text)
            ? text
            : throw new KeyNotFoundException($"cards.json has no '{key}' text for {Language}.");

    public string Format(string key, params object[] values) =>
        string.Format(Culture, this[key], values);

    private static FrozenDictionary<Language, CardTexts> Load()
    {
        using var stream = typeof(CardTexts).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the assembly.");
        var byLanguage = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)
            ?? throw new InvalidOperationException($"{ResourceName} is empty.");
        return Enum.GetValues<Language>().ToFrozenDictionary(
            language => language,
            language =>
            {
                var tag = language.ToString().ToLowerInvariant();
                return byLanguage.TryGetValue(tag, out var texts)
                    ? new CardTexts(language, texts.ToFrozenDictionary(StringComparer.Ordinal))
                    : throw new InvalidOperationException($"{ResourceName} has no '{tag}' section.");
            });
    }
}
