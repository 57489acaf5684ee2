namespace SecretBot.Dialogs.Turns;

/// <summary>
/// Something a turn wants done outside its state: say something, replace a card, or a host's own
/// effect (write a preference, count a vote, post to a channel). A turn only collects them; the
/// runner applies them, in order, once the state is saved, so a turn re-run after a conflict
/// does nothing twice, and a turn that could not be saved does nothing at all.
/// </summary>
public abstract record TurnEffect;

/// <summary>Send a new message.</summary>
public sealed record SendMessage(OutgoingMessage Message) : TurnEffect;

/// <summary>Replace a message sent earlier (a question card once it has been answered).</summary>
public sealed record UpdateMessage(string MessageId, OutgoingMessage Message) : TurnEffect;

/// <summary>Applies a saved turn's effects: the host's side of the turn.</summary>
public interface ITurnEffects
{
    /// <summary>Carries out one effect; for a sent message, returns the id the channel gave it, when it gives one.</summary>
    Task<string?> ApplyAsync(TurnEffect effect, CancellationToken cancellationToken);
}
