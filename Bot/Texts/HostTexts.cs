using System.Text.Json;

namespace SecretBot.Bot.Texts;

/// <summary>The few sentences the host itself says, in French and English, read from host.json.</summary>
public sealed class HostTexts
{
    private readonly Dictionary<string, Dictionary<string, string>> _texts;

    private HostTexts(Dictionary<string, Dictionary<string, string>> texts) => _texts = texts;

    public static HostTexts Load()
    {
        using var stream = typeof(HostTexts).Assembly.GetManifestResourceStream("SecretBot.Bot.Texts.host.json")
                           ?? throw new InvalidOperationException("host.json is not embedded in the Bot assembly.");
        var texts = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)
                    ?? throw new InvalidOperationException("host.json is empty.");
        return new HostTexts(texts);
    }

    public string Get(string key, string language) =>
        _texts.TryGetValue(key, out var byLanguage)
            ? byLanguage.TryGetValue(language, out var text) ? text : byLanguage["fr"]
            : throw new KeyNotFoundException($"No host text '{key}'.");
}
