using Microsoft.Extensions.Caching.Memory;
using SecretBot.Protocol.Schema;
using SecretBot.Dialogs.State;
using SecretBot.Protocol.Configuration;
using SecretBot.Conversations.Preferences;
using SecretBot.Conversations.Turns;

namespace SecretBot.Conversations.Welcome;

/// <summary>
/// Greets a conversation when the bot is added to it — once, although Teams announces an install
/// with both <c>installationUpdate</c> and <c>conversationUpdate</c>. A welcome that could not be
/// delivered is released, so that the next announcement tries again.
/// </summary>
public sealed class WelcomeOnce(KeyedDigest digest) : IDisposable
{
    private readonly MemoryCache _welcomed = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public static bool IsBotAdded(Activity activity) =>
        (activity.IsType(ActivityTypes.ConversationUpdate)
         && activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true)
        || (activity.IsType(ActivityTypes.InstallationUpdate)
            && string.Equals(activity.Action, "add", StringComparison.OrdinalIgnoreCase));

    /// <summary>True the first time it is asked for a conversation (within a day), false after.</summary>
    public bool IsFirst(string conversationId)
    {
        var key = digest.Pair(conversationId);
        if (_welcomed.TryGetValue(key, out _))
        {
            return false;
        }

        _welcomed.Set(key, true, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromDays(1), Size = 1 });
        return true;
    }

    /// <summary>The welcome was not delivered: the conversation may be greeted again.</summary>
    public void Release(string conversationId) => _welcomed.Remove(digest.Pair(conversationId));

    public void Dispose() => _welcomed.Dispose();
}
