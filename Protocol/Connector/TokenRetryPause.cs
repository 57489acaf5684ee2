namespace SecretBot.Protocol.Connector;

/// <summary>
/// After a failed token request, the next one waits a pause that doubles up to 30 s: while the
/// token endpoint is down, queued turns fail at once instead of each making its own attempt.
/// </summary>
public sealed class TokenRetryPause(TimeProvider clock)
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);
    private readonly Lock _gate = new();
    private TimeSpan _pause = First;
    private DateTimeOffset _nextAttempt = DateTimeOffset.MinValue;

    public bool IsWaiting
    {
        get
        {
            lock (_gate)
            {
                return clock.GetUtcNow() < _nextAttempt;
            }
        }
    }

    public void Failed()
    {
        lock (_gate)
        {
            _nextAttempt = clock.GetUtcNow() + _pause;
            _pause = TimeSpan.FromTicks(Math.Min(_pause.Ticks * 2, Longest.Ticks));
        }
    }

    public void Succeeded()
    {
        lock (_gate)
        {
            _pause = First;
            _nextAttempt = DateTimeOffset.MinValue;
        }
    }
}
