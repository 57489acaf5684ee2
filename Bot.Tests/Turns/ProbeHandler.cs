using SecretBot.Protocol.Schema;
using SecretBot.Protocol.Turns;
using SecretBot.Conversations.Turns;

namespace SecretBot.Bot.Tests.Turns;

/// <summary>
/// Wraps the bot's real handler and watches it: how many turns of one conversation overlap, how many
/// ran, and can make a turn slow or fail on demand.
/// </summary>
public sealed class ProbeHandler(ITurnHandler inner) : ITurnHandler
{
    private int _running;
    private int _maxConcurrent;
    private int _turns;

    public TimeSpan Delay { get; set; }

    public bool Fail { get; set; }

    /// <summary>When set, an invoke is answered with this instead of reaching the real handler.</summary>
    public InvokeResponse? InvokeAnswer { get; set; }

    public int MaxConcurrent => Volatile.Read(ref _maxConcurrent);

    public int Turns => Volatile.Read(ref _turns);

    public async Task<InvokeResponse?> OnTurnAsync(ActivityTurn turn, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref _running);
        Interlocked.Increment(ref _turns);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxConcurrent)) && Interlocked.CompareExchange(ref _maxConcurrent, now, seen) != seen)
        {
        }

        try
        {
            await Task.Delay(Delay == TimeSpan.Zero ? TimeSpan.FromMilliseconds(5) : Delay, cancellationToken);
            if (Fail)
            {
                throw new InvalidOperationException("probe failure carrying " + turn.Activity.Text);
            }

            return InvokeAnswer is not null && turn.Activity.IsType(ActivityTypes.Invoke)
                ? InvokeAnswer
                : await inner.OnTurnAsync(turn, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    public Task OnTurnErrorAsync(ActivityTurn turn, CancellationToken cancellationToken) => inner.OnTurnErrorAsync(turn, cancellationToken);
}
