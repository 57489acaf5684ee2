using SecretBot.Bot.Conversation;
using SecretBot.Bot.Protocol;
using SecretBot.Bot.Texts;
using SecretBot.Bot.Turns;

namespace SecretBot.Bot.Placeholder;

/// <summary>
/// Proves the path end to end until the guided conversations arrive: a welcome when the bot is
/// added, a short fixed reply to a message. It never repeats what was written.
/// </summary>
public sealed class PlaceholderHandler(HostTexts texts, WelcomeOnce welcome, string? configuredLanguage) : IActivityHandler
{
    public async Task<InvokeResponse?> OnTurnAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        var language = LanguageChoice.For(turn.Activity, configuredLanguage);
        if (WelcomeOnce.IsBotAdded(turn.Activity))
        {
            await welcome.SendAsync(turn, language, cancellationToken);
        }
        else if (turn.Activity.IsType(ActivityTypes.Message))
        {
            await SayAsync(turn, texts.Get("reply", language), cancellationToken);
        }

        return null;
    }

    public Task OnTurnErrorAsync(BotTurn turn, CancellationToken cancellationToken) =>
        SayAsync(turn, texts.Get("apology", LanguageChoice.For(turn.Activity, configuredLanguage)), cancellationToken);

    private static Task SayAsync(BotTurn turn, string text, CancellationToken cancellationToken)
    {
        var reply = turn.CreateReply();
        reply.Text = text;
        reply.TextFormat = "plain";
        return turn.SendAsync(reply, cancellationToken);
    }
}
