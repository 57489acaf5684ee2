using System.Text.Json.Nodes;
using SecretBot.Knowledge.Model;

namespace SecretBot.Cards.Model;

/// <summary>
/// Every text a card shows, typeset for the card's language as it is printed (<see cref="Typography"/>):
/// texts, runs, facts, button titles, what a screen reader says. Ids, verbs, button data and
/// addresses are left alone. Whatever a text's origin (the catalogue, the knowledge, a test), the
/// card that reaches Teams is typeset.
/// </summary>
public static class CardTypography
{
    private static readonly HashSet<string> TextProperties = ["text", "title", "value", "speak", "fallbackText", "altText", "placeholder", "label"];

    public static string Typeset(string lang, string text) => lang == "fr" ? Typography.French(text) : Typography.English(text);

    public static JsonObject Typeset(string lang, JsonObject card)
    {
        Visit(lang, card);
        return card;
    }

    private static void Visit(string lang, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(pair => pair.Key).ToList())
                {
                    // Button data is sent back as it is: ids, never text to typeset.
                    if (name is "data" or "url" or "id" or "verb" or "targetElements" or "msteams" or "$schema")
                    {
                        continue;
                    }

                    if (TextProperties.Contains(name) && obj[name] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        obj[name] = Typeset(lang, text);
                    }
                    else
                    {
                        Visit(lang, obj[name]);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Visit(lang, item);
                }

                break;
        }
    }
}
