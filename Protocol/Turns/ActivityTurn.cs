using SecretBot.Protocol.Connector;
using SecretBot.Protocol.Schema;

namespace SecretBot.Protocol.Turns;

/// <summary>
/// One inbound activity and the means to answer it through the connector, in the same
/// conversation (and the same channel thread) it came from.
/// </summary>
public sealed class ActivityTurn(Activity activity, IConnectorClient connector)
{
    private readonly Uri? _serviceUrl = Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var uri) ? uri : null;

    public Activity Activity { get; } = activity;

    public string ConversationId => Activity.Conversation!.Id!;

    public async Task<string?> SendAsync(Activity reply, CancellationToken cancellationToken)
    {
        var response = await PostAsync(reply, cancellationToken);
        return response.Id;
    }

    public Task<ResourceResponse> UpdateAsync(string activityId, Activity replacement, CancellationToken cancellationToken)
    {
        replacement.Id = activityId;
        return connector.UpdateActivityAsync(RequireServiceUrl(), ConversationId, activityId, replacement, cancellationToken);
    }

    /// <summary>Starts a new conversation (e.g. a new thread in a Teams channel) on this turn's service.</summary>
    public Task<ConversationResourceResponse> CreateConversationAsync(ConversationParameters parameters, CancellationToken cancellationToken) =>
        connector.CreateConversationAsync(RequireServiceUrl(), parameters, cancellationToken);

    /// <summary>
    /// A message to someone outside this turn (the Bot Framework's proactive message): into their
    /// personal chat, opened first when only their id is known. The connector's host check applies
    /// to the reference's service URL as to any other.
    /// </summary>
    public async Task SendProactiveAsync(ConversationReference reference, Activity message, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(reference.ServiceUrl, UriKind.Absolute, out var serviceUrl))
        {
            throw new ConnectorException("proactive message", null, "the stored reference has no valid serviceUrl");
        }

        message.ServiceUrl = reference.ServiceUrl;
        message.ChannelId = reference.ChannelId;
        message.From = new ChannelAccount { Id = reference.BotId };
        message.Recipient = new ChannelAccount { Id = reference.UserId };
        message.ReplyToId = null;
        if (reference.ConversationId is { } conversationId)
        {
            message.Conversation = new ConversationAccount { Id = conversationId, TenantId = reference.TenantId };
            await connector.SendToConversationAsync(serviceUrl, conversationId, message, cancellationToken);
            return;
        }

        // Teams opens (or finds) the personal chat, then the message goes into it.
        var opened = await connector.CreateConversationAsync(serviceUrl, new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = reference.BotId },
            Members = [new ChannelAccount { Id = reference.UserId }],
            TenantId = reference.TenantId,
            ChannelData = reference.TenantId is null
                ? null
                : System.Text.Json.JsonSerializer.SerializeToElement(new { tenant = new { id = reference.TenantId } }),
        }, cancellationToken);
        if (string.IsNullOrEmpty(opened.Id))
        {
            throw new ConnectorException("proactive message", null, "Teams opened no personal chat");
        }

        message.Conversation = new ConversationAccount { Id = opened.Id, TenantId = reference.TenantId };
        await connector.SendToConversationAsync(serviceUrl, opened.Id, message, cancellationToken);
    }

    public Task SendTypingAsync(CancellationToken cancellationToken) =>
        PostAsync(Activity.CreateReply(ActivityTypes.Typing), cancellationToken);

    /// <summary>A reply skeleton addressed to the sender of this turn's activity.</summary>
    public Activity CreateReply(string type = ActivityTypes.Message) => Activity.CreateReply(type);

    private Task<ResourceResponse> PostAsync(Activity reply, CancellationToken cancellationToken)
    {
        var serviceUrl = RequireServiceUrl();
        return string.IsNullOrEmpty(Activity.Id)
            ? connector.SendToConversationAsync(serviceUrl, ConversationId, reply, cancellationToken)
            : connector.ReplyToActivityAsync(serviceUrl, ConversationId, Activity.Id, reply, cancellationToken);
    }

    /// <summary>Teams always names one; an activity without it can be read but not answered.</summary>
    private Uri RequireServiceUrl() =>
        _serviceUrl ?? throw new ConnectorException("reply", null, "the activity has no serviceUrl to answer to");
}
