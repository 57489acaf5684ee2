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
