using System.Text.Json;

namespace SecretBot.Dialogs.Texts;

/// <summary>
/// The engine's own sentences (engine.json) and the words it recognises (words.json), both
/// embedded, French and English.
/// </summary>
public sealed class EngineTexts
{
    private readonly Dictionary<string, Dictionary<string, string>> _sentences;

    private EngineTexts(Dictionary<string, Dictionary<string, string>> sentences, EngineWords words)
    {
        _sentences = sentences;
        Words = words;
    }

    public EngineWords Words { get; }

    public static EngineTexts Load() => new(
        Read<Dictionary<string, Dictionary<string, string>>>("engine.json"),
        Read<EngineWords>("words.json"));

    /// <summary>Whether a typed reply says yes ("oui", "ok", "c'est ça"…).</summary>
    public bool IsYes(string? text) => Words.Yes.Contains(Prompts.TextNormalizer.Normalize(text));

    public string Get(string key, string language) =>
        _sentences.TryGetValue(key, out var byLanguage)
            ? byLanguage.GetValueOrDefault(language) ?? byLanguage["fr"]
            : throw new KeyNotFoundException($"No engine text '{key}'.");

    private static T Read<T>(string name)
    {
        using var stream = typeof(EngineTexts).Assembly.GetManifestResourceStream($"SecretBot.Dialogs.Texts.{name}")
                           ?? throw new InvalidOperationException($"{name} is not embedded in the Dialogs assembly.");
        return JsonSerializer.Deserialize<T>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
               ?? throw new InvalidOperationException($"{name} is empty.");
    }
}

/// <summary>Recognised words, already normalised (lower case, no accents, spaces for punctuation).</summary>
public sealed record EngineWords(Dictionary<string, string[]> Commands, string[] Yes, string[] No);
