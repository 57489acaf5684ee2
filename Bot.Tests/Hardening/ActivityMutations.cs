using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace SecretBot.Bot.Tests.Hardening;

public enum MutationKind { Replace, Remove, AddField, DuplicateField, RecaseKey, Wrap, SetType, SetInvokeName, SetConversationId, SetServiceUrl }

/// <summary>
/// One change to an activity: which kind, where (an index into the activity's fields, taken modulo
/// their number so that any pick lands somewhere), and the JSON text or key it brings.
/// </summary>
public sealed record Mutation(MutationKind Kind, int Where, string Json, string Key);

/// <summary>
/// Applies mutations to a real activity and writes it as JSON text. Values are spliced in as text,
/// so a mutation can bring what a JSON tree cannot hold: duplicate keys, nesting deeper than any
/// parser allows, numbers no type can hold, lone surrogates. The root serviceUrl (in any case: the
/// bot reads names case-insensitively) is only ever set from the safe list given: whatever else a
/// mutation does, the bot is never told to reply anywhere else.
/// </summary>
public sealed class ActivityMutations(Gen<string> safeServiceUrls)
{
    private const string Marker = "\u0001splice:";

    private static readonly Gen<string> Keys = Gen.Frequency(
        (3, Gen.OneOf("type", "text", "value", "id", "name", "locale", "replyToId", "channelData", "from", "conversation", "entities",
            "attachments", "membersAdded", "timestamp", "action", "verb", "data", "choice", "prompt", "command", "msteams")),
        (1, OddValues.Text));

    public Gen<Mutation> One => Gen.Enum<MutationKind>().SelectMany(kind =>
        Gen.Select(Gen.Int[0, 1_000], ValueFor(kind), Keys, (where, json, key) => new Mutation(kind, where, json, key)));

    /// <summary>The activity with the mutations applied, as the bytes a client would send.</summary>
    public byte[] Apply(JsonObject activity, IEnumerable<Mutation> mutations)
    {
        var splices = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var mutation in mutations)
        {
            ApplyOne(activity, mutation, splices);
        }

        var json = new StringBuilder();
        Write(activity, splices, json);
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    private Gen<string> ValueFor(MutationKind kind) => kind switch
    {
        MutationKind.SetType => OddValues.ActivityType,
        MutationKind.SetInvokeName => OddValues.InvokeName,
        MutationKind.SetConversationId => OddValues.ConversationId,
        MutationKind.SetServiceUrl => safeServiceUrls,
        _ => OddValues.Json,
    };

    /// <summary>
    /// JSON text of the tree, every string through <see cref="OddValues.Quote"/> (System.Text.Json
    /// refuses to write a lone surrogate), the splices in place.
    /// </summary>
    private static void Write(JsonNode? node, Dictionary<string, string> splices, StringBuilder json)
    {
        switch (node)
        {
            case null:
                json.Append("null");
                break;
            case JsonObject obj:
                json.Append('{');
                foreach (var (i, (key, value)) in obj.Index())
                {
                    json.Append(i == 0 ? "" : ",").Append(splices.GetValueOrDefault(key) ?? OddValues.Quote(key)).Append(':');
                    Write(value, splices, json);
                }

                json.Append('}');
                break;
            case JsonArray array:
                json.Append('[');
                foreach (var (i, item) in array.Index())
                {
                    json.Append(i == 0 ? "" : ",");
                    Write(item, splices, json);
                }

                json.Append(']');
                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                json.Append(splices.GetValueOrDefault(text) ?? OddValues.Quote(text));
                break;
            default:
                json.Append(node.ToJsonString());
                break;
        }
    }

    private static void ApplyOne(JsonObject activity, Mutation mutation, Dictionary<string, string> splices)
    {
        switch (mutation.Kind)
        {
            case MutationKind.SetType:
                activity["type"] = Splice(splices, mutation.Json);
                return;
            case MutationKind.SetInvokeName:
                activity["type"] = "invoke";
                activity["name"] = Splice(splices, mutation.Json);
                return;
            case MutationKind.SetConversationId:
                var conversation = activity["conversation"] as JsonObject ?? new JsonObject();
                activity["conversation"] = conversation;
                conversation["id"] = Splice(splices, mutation.Json);
                return;
            case MutationKind.SetServiceUrl:
                activity[ServiceUrlKey(activity)] = Splice(splices, mutation.Json);
                return;
        }

        if (mutation.Kind is MutationKind.AddField or MutationKind.DuplicateField)
        {
            var objects = Objects(activity).ToList();
            var target = objects[mutation.Where % objects.Count];
            var key = mutation.Kind == MutationKind.AddField || target.Count == 0
                ? mutation.Key
                : target.ElementAt(mutation.Where % target.Count).Key;
            if (target == activity && key.Equals("serviceUrl", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            // A duplicate key cannot live in a tree: a placeholder key, replaced by the real one in the text.
            var written = mutation.Kind == MutationKind.DuplicateField && target.ContainsKey(key) ? Placeholder(splices, OddValues.Quote(key)) : key;
            target[written] = Splice(splices, mutation.Json);
            return;
        }

        var slots = Slots(activity).Where(s => !(s.Parent == activity && s.Key!.Equals("serviceUrl", StringComparison.OrdinalIgnoreCase)
                                                 && mutation.Kind is MutationKind.Replace or MutationKind.Wrap)).ToList();
        if (slots.Count == 0)
        {
            return;
        }

        var (parent, slotKey, index) = slots[mutation.Where % slots.Count];
        var current = slotKey is null ? parent[index] : parent[slotKey];
        JsonNode? replacement = mutation.Kind switch
        {
            MutationKind.Replace => Splice(splices, mutation.Json),
            MutationKind.Wrap => new JsonArray(current?.DeepClone()),
            _ => current?.DeepClone(),
        };
        if (parent is JsonArray array)
        {
            if (mutation.Kind == MutationKind.Remove)
            {
                array.RemoveAt(index);
                return;
            }

            array[index] = replacement;
            return;
        }

        var obj = (JsonObject)parent;
        if (mutation.Kind is MutationKind.Remove or MutationKind.RecaseKey)
        {
            obj.Remove(slotKey!);
        }

        if (mutation.Kind != MutationKind.Remove)
        {
            var key = mutation.Kind == MutationKind.RecaseKey ? Recase(slotKey!, mutation.Where) : slotKey!;
            obj[key] = replacement;
        }
    }

    private static string ServiceUrlKey(JsonObject activity) =>
        activity.Select(p => p.Key).FirstOrDefault(k => k.Equals("serviceUrl", StringComparison.OrdinalIgnoreCase)) ?? "serviceUrl";

    private static JsonNode Splice(Dictionary<string, string> splices, string text) => JsonValue.Create(Placeholder(splices, text));

    private static string Placeholder(Dictionary<string, string> splices, string text)
    {
        var placeholder = $"{Marker}{splices.Count}\u0001";
        splices[placeholder] = text;
        return placeholder;
    }

    private static string Recase(string key, int how) => (how % 3) switch
    {
        0 => key.ToUpperInvariant(),
        1 => key.ToLowerInvariant(),
        _ => key.Length > 0 ? char.ToUpperInvariant(key[0]) + key[1..] : key,
    };

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject obj => [obj, .. obj.SelectMany(p => Objects(p.Value))],
        JsonArray array => array.SelectMany(Objects),
        _ => [],
    };

    private static IEnumerable<(JsonNode Parent, string? Key, int Index)> Slots(JsonNode? node) => node switch
    {
        JsonObject obj => obj.ToList().SelectMany(p => Slots(p.Value).Prepend((obj, p.Key, -1))),
        JsonArray array => array.SelectMany((item, i) => Slots(item).Prepend((array, null, i))),
        _ => [],
    };
}
