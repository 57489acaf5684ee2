using System.Security.Cryptography;
using System.Text;

namespace SecretBot.Dialogs.State;

/// <summary>
/// Store keys are digests of the conversation and user ids: a store dump names no conversation and
/// no person.
/// </summary>
public static class StateKeys
{
    public static string Conversation(string conversationId) => "c:" + Digest(conversationId);

    public static string User(string userId) => "u:" + Digest(userId);

    private static string Digest(string id)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(id), hash);
        return Convert.ToBase64String(hash[..18]).Replace('/', '_').Replace('+', '-');
    }
}
