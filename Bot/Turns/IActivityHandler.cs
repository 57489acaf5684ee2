using SecretBot.Bot.Protocol;

namespace SecretBot.Bot.Turns;

/// <summary>What the bot does with one authenticated activity.</summary>
public interface IActivityHandler
{
    /// <summary>Handles the turn. For an invoke, returns its response; null means nobody handled it (501).</summary>
    Task<InvokeResponse?> OnTurnAsync(BotTurn turn, CancellationToken cancellationToken);

    /// <summary>Tells the user, briefly, that something went wrong on the bot's side.</summary>
    Task OnTurnErrorAsync(BotTurn turn, CancellationToken cancellationToken);
}
