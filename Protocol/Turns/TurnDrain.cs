using SecretBot.Protocol.Configuration;

namespace SecretBot.Protocol.Turns;

/// <summary>
/// The cancellation of turns: on shutdown, the turns under way get <see cref="BotOptions.DrainTimeout"/>
/// to finish while the server takes no new request. An instance stopped for a rolling restart or a
/// scale-in thus leaves no turn half done (its state saved, its replies half sent, the re-send ledger
/// not told) for the caller's retry to run again on another instance.
/// </summary>
public sealed class TurnDrain : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly CancellationTokenRegistration _stopping;

    public TurnDrain(IHostApplicationLifetime lifetime, BotOptions options) =>
        _stopping = lifetime.ApplicationStopping.Register(() => _source.CancelAfter(options.DrainTimeout));

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        _stopping.Dispose();
        _source.Dispose();
    }
}
