using Microsoft.Extensions.Caching.Memory;
using SecretBot.Bot.Logging;
using SecretBot.Bot.Protocol;
using SecretBot.Bot.Texts;
using SecretBot.Bot.Turns;

namespace SecretBot.Bot.Conversation;

/// <summary>
/// Greets a conversation when the bot is added to it — once, although Teams announces an install
/// with both <c>installationUpdate</c> and <c>conversationUpdate</c>.
/// </summary>
public sealed class WelcomeOnce(HostTexts texts) : IDisposable
{
    private readonly MemoryCache _welcomed = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public static bool IsBotAdded(Activity activity) =>
        (activity.IsType(ActivityTypes.ConversationUpdate)
         && activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true)
        || (activity.IsType(ActivityTypes.InstallationUpdate)
            && string.Equals(activity.Action, "add", StringComparison.OrdinalIgnoreCase));

    public async Task SendAsync(BotTurn turn, string language, CancellationToken cancellationToken)
    {
        var key = PrivacyHash.Of(turn.ConversationId);
        if (_welcomed.TryGetValue(key, out _))
        {
            return;
        }

        _welcomed.Set(key, true, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromDays(1), Size = 1 });
        var reply = turn.CreateReply();
        reply.Text = texts.Get("welcome", language);
        reply.TextFormat = "plain";
        await turn.SendAsync(reply, cancellationToken);
    }

    public void Dispose() => _welcomed.Dispose();
}
