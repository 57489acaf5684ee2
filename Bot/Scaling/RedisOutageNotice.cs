using StackExchange.Redis;

namespace SecretBot.Bot.Scaling;

/// <summary>
/// Says once that Redis stopped answering the turn order or the re-send ledger, and once that it is
/// back; in between both fall back to this instance alone. The state store reports the same outage
/// to the person (a service message) and as the one error line.
/// </summary>
public sealed partial class RedisOutageNotice(ILogger<RedisOutageNotice> logger)
{
    private int _down;

    /// <summary>What a call to an unreachable Redis throws (as <c>RedisStateStore</c> reads it).</summary>
    public static bool IsOutage(Exception exception) =>
        exception is RedisConnectionException or RedisTimeoutException
        || (exception is RedisServerException server && server.Message.StartsWith("LOADING", StringComparison.Ordinal));

    public void Down()
    {
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            LogDown();
        }
    }

    public void Up()
    {
        if (Volatile.Read(ref _down) == 1 && Interlocked.Exchange(ref _down, 0) == 1)
        {
            LogUp();
        }
    }

    [LoggerMessage(EventId = 700, Level = LogLevel.Warning,
        Message = "Redis unreachable: turns are ordered and re-sends recognised on this instance only until it is back")]
    private partial void LogDown();

    [LoggerMessage(EventId = 701, Level = LogLevel.Information, Message = "Redis reachable again: turn order and re-send ledger shared")]
    private partial void LogUp();
}
