namespace SecretBot.Protocol.Turns;

/// <summary>
/// The second level of "one turn at a time per conversation", after the in-process
/// <see cref="ConversationGate"/>: across instances. One instance needs nothing more
/// (<see cref="SingleInstanceTurnOrder"/>); several take a per-conversation lease in Redis (the
/// host's <c>RedisTurnOrder</c>). Entered after the gate, so that an instance has at most one turn
/// of a conversation waiting for it.
/// </summary>
public interface ITurnOrder
{
    /// <summary>Waits until this conversation has no turn running on any instance; disposing lets the next one in.</summary>
    /// <exception cref="TurnOrderTimeoutException">Another instance kept the conversation longer than the bounded wait.</exception>
    ValueTask<IAsyncDisposable> EnterAsync(string conversationId, CancellationToken cancellationToken);
}

/// <summary>One instance: the <see cref="ConversationGate"/> already orders the turns.</summary>
public sealed class SingleInstanceTurnOrder : ITurnOrder
{
    private static readonly ValueTask<IAsyncDisposable> Entered = ValueTask.FromResult<IAsyncDisposable>(new Nothing());

    public ValueTask<IAsyncDisposable> EnterAsync(string conversationId, CancellationToken cancellationToken) => Entered;

    private sealed class Nothing : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>
/// The conversation stayed busy on another instance for longer than <c>Bot:TurnWait</c>: the turn is
/// not run (the endpoint answers 503 with Retry-After), rather than run beside the other one.
/// </summary>
public sealed class TurnOrderTimeoutException(TimeSpan waited)
    : Exception($"The conversation was busy on another instance for {waited.TotalSeconds:F0} s.");
