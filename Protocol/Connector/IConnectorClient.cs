using SecretBot.Protocol.Schema;

namespace SecretBot.Protocol.Connector;

/// <summary>The Bot Connector REST operations SecretBot uses (docs/protocol.md §2).</summary>
public interface IConnectorClient
{
    Task<ResourceResponse> ReplyToActivityAsync(Uri serviceUrl, string conversationId, string activityId,
        Activity activity, CancellationToken cancellationToken);

    Task<ResourceResponse> SendToConversationAsync(Uri serviceUrl, string conversationId, Activity activity,
        CancellationToken cancellationToken);

    Task<ResourceResponse> UpdateActivityAsync(Uri serviceUrl, string conversationId, string activityId,
        Activity activity, CancellationToken cancellationToken);

    Task DeleteActivityAsync(Uri serviceUrl, string conversationId, string activityId,
        CancellationToken cancellationToken);

    Task<ConversationResourceResponse> CreateConversationAsync(Uri serviceUrl, ConversationParameters parameters,
        CancellationToken cancellationToken);
}

public sealed record ResourceResponse(string? Id);

public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);

/// <summary>Body of <c>POST v3/conversations</c>: a new conversation or a new thread in a Teams channel.</summary>
public sealed class ConversationParameters
{
    public bool? IsGroup { get; set; }
    public ChannelAccount? Bot { get; set; }
    public List<ChannelAccount>? Members { get; set; }
    public string? TopicName { get; set; }
    public string? TenantId { get; set; }
    public Activity? Activity { get; set; }
    public System.Text.Json.JsonElement? ChannelData { get; set; }
}
