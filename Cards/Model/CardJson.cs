using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecretBot.Cards.Model;

/// <summary>The JSON conventions of Adaptive Cards: camelCase, nulls omitted, enums as the schema's strings.</summary>
public static class CardJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Keep ✓, accents and "·" readable in the payload; the card is JSON, not HTML.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
