using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecretBot.Bench.Load;

/// <summary>
/// Activities shaped like those Teams sends to a personal chat, built from a message the Agents
/// Playground recorded (Load/teams-message.json, copied from shared/teams/playground-activities.jsonl):
/// a typed message, or a card click as an <c>adaptiveCard/action</c> invoke whose
/// <c>value.action</c> carries the verb and the button's data.
/// </summary>
public sealed class TeamsActivities(Uri serviceUrl)
{
    public const string Locale = "fr-BE";

    // Teams sends UTF-8 as is; the default encoder would escape every accent.
    private static readonly JsonSerializerOptions Raw = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Recorded()
    {
        using var stream = typeof(TeamsActivities).Assembly.GetManifestResourceStream("SecretBot.Bench.teams-message.json")!;
        return JsonNode.Parse(stream)!.AsObject();
    }

    public ActivityTemplate Message(string text)
    {
        var activity = Base("message");
        activity["text"] = text;
        return new ActivityTemplate(activity.ToJsonString(Raw));
    }

    public ActivityTemplate Click(string verb, JsonObject data)
    {
        var activity = Base("invoke");
        activity.Remove("text");
        activity.Remove("textFormat");
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = ActivityTemplate.Mark(Slot.ReplyToId);
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() },
        };
        return new ActivityTemplate(activity.ToJsonString(Raw));
    }

    private JsonObject Base(string type)
    {
        var activity = Recorded();
        activity["type"] = type;
        activity["id"] = ActivityTemplate.Mark(Slot.ActivityId);
        activity["timestamp"] = ActivityTemplate.Mark(Slot.Timestamp);
        activity["localTimestamp"] = ActivityTemplate.Mark(Slot.Timestamp);
        activity["serviceUrl"] = serviceUrl.AbsoluteUri;
        activity["from"]!["id"] = ActivityTemplate.Mark(Slot.UserId);
        activity["conversation"]!["id"] = ActivityTemplate.Mark(Slot.ConversationId);
        activity["locale"] = Locale;
        activity["entities"]![0]!["locale"] = Locale;
        activity["entities"]![0]!["country"] = "BE";
        return activity;
    }
}
