namespace SecretBot.Protocol.Turns;

/// <summary>
/// Shows "SecretBot is typing…" when a turn takes longer than a moment, and keeps it up (Teams
/// shows one for about 3 s) until the turn ends.
/// </summary>
public sealed class TypingIndicator : IAsyncDisposable
{
    private static readonly TimeSpan Repeat = TimeSpan.FromSeconds(3);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private TypingIndicator(ActivityTurn turn, TimeSpan delay) => _loop = RunAsync(turn, delay, _stop.Token);

    public static TypingIndicator Start(ActivityTurn turn, TimeSpan delay) => new(turn, delay);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private static async Task RunAsync(ActivityTurn turn, TimeSpan delay, CancellationToken stop)
    {
        // Most turns end before the delay: waiting without throwing spares each of them an exception.
        await Task.Delay(delay, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await turn.SendTypingAsync(stop);
                await Task.Delay(Repeat, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        catch (OperationCanceledException)
        {
            // The turn ended while an indicator was on its way: nothing more to show.
        }
        catch (Exception)
        {
            // A typing indicator is a courtesy; failing to send one must not disturb the turn.
        }
    }
}
