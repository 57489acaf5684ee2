using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using SecretBot.Knowledge.Model;

namespace SecretBot.Cards.Texts;

/// <summary>
/// Every sentence the bot says of its own, in French and English, read from the embedded
/// <c>texts.json</c> and typeset as printed (<see cref="Typography"/>): the cards' words (buttons, titles, promises) and the notices (busy, expired,
/// cancelled…). What is said about the law comes from the knowledge, not from here. Both languages
/// hold the same keys (a test checks it).
/// </summary>
public sealed class TextCatalog
{
    private const string ResourceName = "SecretBot.Cards.Texts.texts.json";

    private static readonly FrozenDictionary<Language, TextCatalog> All = Load();

    private readonly FrozenDictionary<string, string> texts;

    private TextCatalog(Language language, FrozenDictionary<string, string> texts)
    {
        Language = language;
        this.texts = texts;
        Culture = CultureInfo.GetCultureInfo(Tag);
    }

    public Language Language { get; }

    /// <summary>The BCP 47 tag set as the card's <c>lang</c>.</summary>
    public string Tag => Language.Tag();

    public CultureInfo Culture { get; }

    public IReadOnlyCollection<string> Keys => texts.Keys;

    public static TextCatalog For(Language language) => All[language];

    /// <summary>The text for a key; a missing key is a programming error caught by the tests.</summary>
    public string this[string key] =>
        texts.TryGetValue(key, out var text)
            ? text
            : throw new KeyNotFoundException($"texts.json has no '{key}' text for {Language}.");

    public string Format(string key, params object[] values) =>
        string.Format(Culture, this[key], values);

    private static FrozenDictionary<Language, TextCatalog> Load()
    {
        using var stream = typeof(TextCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the assembly.");
        var byLanguage = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)
            ?? throw new InvalidOperationException($"{ResourceName} is empty.");
        return Enum.GetValues<Language>().ToFrozenDictionary(
            language => language,
            language =>
            {
                var tag = language.Tag();
                Func<string, string> typeset = language == Language.Fr ? Typography.French : Typography.English;
                return byLanguage.TryGetValue(tag, out var texts)
                    ? new TextCatalog(language, texts.ToFrozenDictionary(t => t.Key, t => typeset(t.Value), StringComparer.Ordinal))
                    : throw new InvalidOperationException($"{ResourceName} has no '{tag}' section.");
            });
    }
}
