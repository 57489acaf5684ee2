using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecretBot.Bot.Tests.Infrastructure;

/// <summary>
/// Activities shaped like those Teams and the Agents Playground send, built from the real
/// Playground payloads in shared/teams/playground-activities.jsonl.
/// </summary>
public static class Activities
{
    /// <summary>The tenant of the recorded Playground activities (in <c>conversation.tenantId</c> and <c>channelData.tenant.id</c>).</summary>
    public const string RecordedTenant = "00000000-0000-0000-0000-0000000000001";

    private static readonly Lazy<JsonObject[]> RecordedActivities = new(() =>
        File.ReadAllLines(Path.Combine(RepositoryPaths.Shared, "teams", "playground-activities.jsonl"))
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .ToArray());

    /// <summary>A recorded Playground activity of the given type (the first one), as a fresh copy.</summary>
    public static JsonObject Recorded(string type, Func<JsonObject, bool>? where = null) =>
        RecordedActivities.Value.First(a => (string?)a["type"] == type && (where?.Invoke(a) ?? true)).DeepClone().AsObject();

    public static string Message(string text = "bonjour le bot", string? serviceUrl = null, string? conversationId = null,
        string? id = null, string? locale = null)
    {
        var activity = Recorded("message", a => a["text"] is not null);
        activity["text"] = text;
        activity["id"] = id ?? Guid.NewGuid().ToString();
        if (serviceUrl is not null)
        {
            activity["serviceUrl"] = serviceUrl;
        }

        if (conversationId is not null)
        {
            activity["conversation"]!["id"] = conversationId;
        }

        if (locale is not null)
        {
            activity["locale"] = locale;
        }

        return activity.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
