using System.Text.Json;
using SecretBot.Protocol.Schema;

namespace SecretBot.Conversations.Turns;

/// <summary>What the person wrote, without the bot's own @mention (Teams puts <c>&lt;at&gt;Name&lt;/at&gt;</c> in the text).</summary>
public static class MentionText
{
    public static string? Of(Activity activity)
    {
        var text = activity.Text;
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var entity in activity.Entities ?? [])
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase) || entity.Extra is null)
            {
                continue;
            }

            var mentionsBot = entity.Extra.TryGetValue("mentioned", out var mentioned)
                              && mentioned.ValueKind == JsonValueKind.Object
                              && mentioned.TryGetProperty("id", out var id)
                              && id.ValueKind == JsonValueKind.String
                              && string.Equals(id.GetString(), activity.Recipient?.Id, StringComparison.OrdinalIgnoreCase);
            if (mentionsBot && entity.Extra.TryGetValue("text", out var markup) && markup.ValueKind == JsonValueKind.String
                && markup.GetString() is { Length: > 0 } tag)
            {
                text = text.Replace(tag, " ", StringComparison.OrdinalIgnoreCase);
            }
        }

        return text.Trim();
    }
}
