using System.Buffers;
using System.Text.Json;
using SecretBot.Conversations.Commands;
using SecretBot.Knowledge.Model;
using SecretBot.Protocol.Schema;

namespace SecretBot.Conversations.Turns;

/// <summary>How an activity's parts become what SecretBot's dialogs see.</summary>
public static class ActivityReading
{
    /// <summary>
    /// The data of a clicked button. An Action.Execute invoke carries it in <c>value.action.data</c>
    /// with the verb beside it (<c>value.action.verb</c>), which is folded into the data; a plain
    /// Action.Submit sends its data (verb included) as the message's value.
    /// </summary>
    public static JsonElement? CardData(Activity activity)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        if (!activity.IsType(ActivityTypes.Invoke))
        {
            return value;
        }

        if (!value.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        // Written rather than built as a JsonObject: the data is the client's, and a JsonObject throws
        // on the duplicate keys JSON allows.
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            var hasVerb = false;
            if (action.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in data.EnumerateObject())
                {
                    property.WriteTo(writer);
                    hasVerb |= property.NameEquals(CommandReader.VerbField);
                }
            }

            if (!hasVerb && action.TryGetProperty("verb", out var verb) && verb.ValueKind == JsonValueKind.String)
            {
                writer.WriteString(CommandReader.VerbField, verb.GetString());
            }

            writer.WriteEndObject();
        }

        return JsonSerializer.Deserialize<JsonElement>(buffer.WrittenSpan);
    }

    /// <summary>
    /// The person's own choice first, then the organisation's default; else it is asked, once. The
    /// Teams display language does not decide: a Belgian service whose Teams is set to French (France)
    /// must not silently get French law.
    /// </summary>
    public static Jurisdiction? Jurisdiction(Jurisdiction? preferred, Jurisdiction? configured) => preferred ?? configured;

    /// <summary>What the locale suggests, to offer first when the country is asked.</summary>
    public static Jurisdiction? SuggestedJurisdiction(string? locale) => locale?.ToLowerInvariant() switch
    {
        "fr-be" or "nl-be" or "de-be" => Knowledge.Model.Jurisdiction.BE,
        "fr-fr" => Knowledge.Model.Jurisdiction.FR,
        _ => null,
    };

    public static ConversationKind KindOf(Activity activity) => activity.Conversation?.ConversationType switch
    {
        "channel" => ConversationKind.Channel,
        "groupChat" => ConversationKind.GroupChat,
        _ => ConversationKind.Personal,
    };
}
