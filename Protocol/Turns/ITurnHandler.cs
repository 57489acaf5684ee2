using SecretBot.Protocol.Schema;

namespace SecretBot.Protocol.Turns;

/// <summary>What the bot does with one authenticated activity.</summary>
public interface ITurnHandler
{
    /// <summary>Handles the turn. For an invoke, returns its response; null means nobody handled it (501).</summary>
    Task<InvokeResponse?> OnTurnAsync(ActivityTurn turn, CancellationToken cancellationToken);

    /// <summary>Tells the user, briefly, that something went wrong on the bot's side.</summary>
    Task OnTurnErrorAsync(ActivityTurn turn, CancellationToken cancellationToken);
}
