using SecretBot.Protocol.Configuration;

namespace SecretBot.Conversations.Turns;

/// <summary>
/// Store keys: the app's prefix, then a keyed digest of the conversation or user id. A store dump
/// names no conversation and no person, and two bots sharing one Redis never read each other's keys.
/// </summary>
public sealed class StateKeys(KeyedDigest digest, string prefix)
{
    public string Conversation(string conversationId) => prefix + "c:" + digest.Key(conversationId);

    public string User(string userId) => prefix + "u:" + digest.Key(userId);

    public string ReferentRequest(string requestId) => prefix + "r:" + digest.Key(requestId);
}
