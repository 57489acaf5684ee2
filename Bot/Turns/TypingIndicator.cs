namespace SecretBot.Bot.Turns;

/// <summary>
/// Shows "SecretBot is typing…" when a turn takes longer than a moment, and keeps it up (Teams
/// shows one for about 3 s) until the turn ends.
/// </summary>
public sealed class TypingIndicator : IAsyncDisposable
{
    private static readonly TimeSpan Repeat = TimeSpan.FromSeconds(3);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private TypingIndicator(BotTurn turn, TimeSpan delay) => _loop = RunAsync(turn, delay, _stop.Token);

    public static TypingIndicator Start(BotTurn turn, TimeSpan delay) => new(turn, delay);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private static async Task RunAsync(BotTurn turn, TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, stop);
            while (!stop.IsCancellationRequested)
            {
                await turn.SendTypingAsync(stop);
                await Task.Delay(Repeat, stop);
            }
        }
        catch (OperationCanceledException)
        {
            // The turn ended: nothing more to show.
        }
        catch (Exception)
        {
            // A typing indicator is a courtesy; failing to send one must not disturb the turn.
        }
    }
}
