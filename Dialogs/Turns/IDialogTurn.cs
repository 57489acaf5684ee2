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
    /// Posts a request as a new thread in the organisation's référents' channel and tells the person,
    /// or tells them it was refused. Only offered when <see cref="DialogTurnInput.CanAskReferents"/>.
    /// </summary>
    Task PostToReferentsAsync(ReferentRequest request, CancellationToken cancellationToken);
}
