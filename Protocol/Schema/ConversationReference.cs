namespace SecretBot.Protocol.Schema;

/// <summary>
/// Where to write to someone later, without their turn (a proactive message): ids only, never a
/// name or a word of the conversation. <see cref="ConversationId"/> is their personal chat with the
/// bot when known; without it, a personal chat is opened with <see cref="UserId"/>.
/// </summary>
public sealed record ConversationReference(string ServiceUrl, string ChannelId, string BotId, string UserId, string? TenantId,
    string? ConversationId)
{
    /// <summary>The sender of <paramref name="activity"/>, and their conversation when it is a personal chat; null when the activity lacks an id it needs.</summary>
    public static ConversationReference? ToSenderOf(Activity activity, bool personal) =>
        activity is { ServiceUrl: { Length: > 0 } serviceUrl, ChannelId: { Length: > 0 } channel, Recipient.Id: { Length: > 0 } bot, From.Id: { Length: > 0 } user }
            ? new ConversationReference(serviceUrl, channel, bot, user, activity.TenantId(), personal ? activity.Conversation?.Id : null)
            : null;
}
