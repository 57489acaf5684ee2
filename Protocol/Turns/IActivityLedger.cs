using SecretBot.Protocol.Schema;

namespace SecretBot.Protocol.Turns;

/// <summary>
/// Which activities were already handled, so that Teams' re-send of a slow activity (same id, after
/// 15 s) is answered once, with the invoke response the first answer gave. One instance keeps it in
/// memory (<see cref="MemoryActivityLedger"/>); several share it through Redis (the host's
/// <c>RedisActivityLedger</c>), so that a re-send reaching another instance is recognised too.
/// The turn processor asks and records under the conversation's <see cref="ITurnOrder"/>.
/// </summary>
public interface IActivityLedger
{
    /// <summary>How the activity was answered when it was already handled within the window; null when it was not.</summary>
    ValueTask<HandledActivity?> FindAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>Records the activity as handled, with the invoke response it got (null for other activities).</summary>
    ValueTask MarkHandledAsync(Activity activity, InvokeResponse? response, CancellationToken cancellationToken);
}

/// <summary>An activity already handled, and the invoke response to give its re-send (null when it had none).</summary>
public sealed record HandledActivity(InvokeResponse? Response)
{
    public static HandledActivity WithoutResponse { get; } = new((InvokeResponse?)null);
}
