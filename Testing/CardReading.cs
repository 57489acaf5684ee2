using System.Text.Json.Nodes;

namespace SecretBot.Testing;

/// <summary>Reading a card as Teams would show it: its texts, its buttons.</summary>
public static class CardReading
{
    /// <summary>Every Action.Execute of a card, wherever it sits.</summary>
    public static IEnumerable<JsonObject> Buttons(this JsonObject card) => Objects(card)
        .Where(o => (string?)o["type"] == "Action.Execute");

    public static JsonObject Button(this JsonObject card, string verb, string? key = null, string? value = null) =>
        card.Buttons().FirstOrDefault(b => (string?)b["verb"] == verb && (key is null || (string?)b["data"]?[key] == value))
        ?? throw new Xunit.Sdk.XunitException($"No button {verb} {key}={value} on the card:\n{card.Text()}\nButtons: " +
                                              string.Join(", ", card.Buttons().Select(b => $"{b["verb"]} {b["data"]?.ToJsonString()}")));

    /// <summary>
    /// The card's texts as words, typography aside (no-break spaces read as spaces, ’ as '): what
    /// a test looks for is what the card says; how it is typeset is checked on every card apart.
    /// </summary>
    public static string Text(this JsonObject card) => Plain(string.Join("\n", Objects(card)
        .Where(o => o["text"] is JsonValue).Select(o => (string)o["text"]!)));

    /// <summary>Typography aside: no-break spaces as spaces, the typographic apostrophe as '.</summary>
    public static string Plain(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ').Replace('’', '\'');

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject obj => [obj, .. obj.SelectMany(pair => Objects(pair.Value))],
        JsonArray array => array.SelectMany(Objects),
        _ => [],
    };
}
