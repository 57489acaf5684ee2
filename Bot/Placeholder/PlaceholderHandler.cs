using Microsoft.Extensions.Caching.Memory;
using SecretBot.Bot.Protocol;
using SecretBot.Bot.Texts;
using SecretBot.Bot.Turns;

namespace SecretBot.Bot.Placeholder;

/// <summary>
/// Proves the path end to end until the guided dialogs arrive: a welcome when the bot is added
/// (once per conversation), a short fixed reply to a message. It never repeats what was written.
/// </summary>
public sealed class PlaceholderHandler(HostTexts texts, IMemoryCache welcomed, string? configuredLanguage) : IActivityHandler
{
    public async Task<InvokeResponse?> OnTurnAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var language = LanguageChoice.For(activity, configuredLanguage);
        if (IsBotAdded(activity))
        {
            if (welcomed.TryGetValue(WelcomeKey(turn), out _))
            {
                return null;
            }

            welcomed.Set(WelcomeKey(turn), true, TimeSpan.FromDays(1));
            await SayAsync(turn, texts.Get("welcome", language), cancellationToken);
        }
        else if (activity.IsType(ActivityTypes.Message))
        {
            await SayAsync(turn, texts.Get("reply", language), cancellationToken);
        }

        return null;
    }

    public Task OnTurnErrorAsync(BotTurn turn, CancellationToken cancellationToken) =>
        SayAsync(turn, texts.Get("apology", LanguageChoice.For(turn.Activity, configuredLanguage)), cancellationToken);

    private static bool IsBotAdded(Activity activity) =>
        (activity.IsType(ActivityTypes.ConversationUpdate)
         && activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true)
        || (activity.IsType(ActivityTypes.InstallationUpdate)
            && string.Equals(activity.Action, "add", StringComparison.OrdinalIgnoreCase));

    private static string WelcomeKey(BotTurn turn) => "welcomed:" + Logging.PrivacyHash.Of(turn.ConversationId);

    private static Task SayAsync(BotTurn turn, string text, CancellationToken cancellationToken)
    {
        var reply = turn.CreateReply();
        reply.Text = text;
        reply.TextFormat = "plain";
        return turn.SendAsync(reply, cancellationToken);
    }
}
