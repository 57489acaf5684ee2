using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SecretBot.Protocol.Schema;

/// <summary>
/// A Bot Framework activity (botframework-activity spec), limited to the fields SecretBot reads or
/// writes. Fields it does not know are kept in <see cref="Extra"/> so nothing a channel sends is
/// rejected or lost when an activity is echoed back.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? ChannelId { get; set; }
    public string? ServiceUrl { get; set; }
    public ChannelAccount? From { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public string? ReplyToId { get; set; }
    public string? Text { get; set; }
    public string? TextFormat { get; set; }
    public string? Locale { get; set; }
    public string? Speak { get; set; }
    public string? InputHint { get; set; }
    public string? Summary { get; set; }
    public string? AttachmentLayout { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public List<Entity>? Entities { get; set; }
    public JsonElement? ChannelData { get; set; }
    public JsonElement? Value { get; set; }
    public string? Name { get; set; }
    public string? Action { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    public bool IsType(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The Teams tenant the activity comes from: <c>channelData.tenant.id</c> and
    /// <c>conversation.tenantId</c>, whichever is present; null when neither is, or when they disagree.
    /// </summary>
    public string? TenantId()
    {
        string? fromChannelData = null;
        if (ChannelData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("tenant", out var tenant)
            && tenant.ValueKind == JsonValueKind.Object && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
        {
            fromChannelData = id.GetString();
        }

        var fromConversation = Conversation?.TenantId;
        return (fromChannelData, fromConversation) switch
        {
            ({ Length: > 0 } a, { Length: > 0 } b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase) ? a : null,
            ({ Length: > 0 } a, _) => a,
            (_, { Length: > 0 } b) => b,
            _ => null,
        };
    }

    /// <summary>
    /// The skeleton of a reply: from/recipient swapped, same conversation, <c>replyToId</c> set to
    /// the incoming id, locale copied, no id (the channel assigns it).
    /// </summary>
    public Activity CreateReply(string type = ActivityTypes.Message) => new()
    {
        Type = type,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        From = Recipient is null ? null : new ChannelAccount { Id = Recipient.Id, Name = Recipient.Name },
        Recipient = From is null ? null : new ChannelAccount { Id = From.Id, Name = From.Name, AadObjectId = From.AadObjectId },
        Conversation = Conversation is null ? null : new ConversationAccount
        {
            Id = Conversation.Id,
            ConversationType = Conversation.ConversationType,
            IsGroup = Conversation.IsGroup,
            TenantId = Conversation.TenantId,
        },
        ReplyToId = Id,
        Locale = Locale,
    };
}

public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string Typing = "typing";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageReaction = "messageReaction";
    public const string Event = "event";
}

public sealed class ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class ConversationAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? ConversationType { get; set; }
    public bool? IsGroup { get; set; }
    public string? TenantId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class Attachment
{
    public string? ContentType { get; set; }
    public string? ContentUrl { get; set; }

    /// <summary>A node, not an element: a card the bot built is written out as it is, without a copy to parse first.</summary>
    public JsonNode? Content { get; set; }
    public string? Name { get; set; }
    public string? ThumbnailUrl { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>An entity such as <c>mention</c> or <c>clientInfo</c>; type-specific fields stay in <see cref="Extra"/>.</summary>
public sealed class Entity
{
    public string? Type { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
