namespace SecretBot.Dialogs.Turns;

/// <summary>
/// One turn as the dialogs see it: what came in, and the two ways to answer — send a new message,
/// or replace a message sent earlier (a question card once it has been answered).
/// </summary>
public interface IDialogTurn
{
    DialogTurnInput Input { get; }

    /// <summary>Sends a message; returns the id the channel gave it, when it gives one.</summary>
    Task<string?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>Replaces a message sent earlier.</summary>
    Task UpdateAsync(string messageId, OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Posts a message as a new thread in the organisation's référents' channel; returns the channel's
    /// name, or null when none is configured.
    /// </summary>
    Task<string?> PostToReferentsAsync(OutgoingMessage message, CancellationToken cancellationToken);
}
