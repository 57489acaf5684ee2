using StackExchange.Redis;

namespace SecretBot.Dialogs.State;

/// <summary>
/// The scale-out store: several bot instances share conversations through Redis. The
/// compare-and-set runs as one Lua script, so no other writer can slip between the ETag check and
/// the write; every write restarts the key's expiry.
/// </summary>
public sealed class RedisStateStore : IStateStore, IDisposable
{
    private const string CompareAndSet = """
        local current = redis.call('HGET', KEYS[1], 'e')
        local expected = ARGV[1]
        if expected == '*' or (expected == '' and not current) or (current and current == expected) then
          redis.call('HSET', KEYS[1], 'v', ARGV[2], 'e', ARGV[3])
          redis.call('PEXPIRE', KEYS[1], ARGV[4])
          return 1
        end
        return 0
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly bool _ownsConnection;

    /// <summary>A store over the process's one Redis connection, which the host shares with the turn order and the re-send ledger.</summary>
    public RedisStateStore(IConnectionMultiplexer redis)
        : this(redis, ownsConnection: false)
    {
    }

    private RedisStateStore(IConnectionMultiplexer redis, bool ownsConnection) => (_redis, _ownsConnection) = (redis, ownsConnection);

    /// <summary>A store with a connection of its own (<see cref="OpenConnection"/>).</summary>
    public static RedisStateStore Connect(string connectionString) => new(OpenConnection(connectionString), ownsConnection: true);

    /// <summary>
    /// Connects without failing when Redis is down at start: the multiplexer keeps reconnecting in
    /// the background, and calls made meanwhile fail fast as <see cref="StateUnavailableException"/>.
    /// </summary>
    public static ConnectionMultiplexer OpenConnection(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
        options.SyncTimeout = Math.Min(options.SyncTimeout, 2000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 2000);
        options.ReconnectRetryPolicy = new LinearRetry(500);
        return ConnectionMultiplexer.Connect(options);
    }

    public bool IsConnected => _redis.IsConnected;

    public async Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var fields = await Guard(() => _redis.GetDatabase().HashGetAsync(key, ["v", "e"]));
        return fields[0].IsNull || fields[1].IsNull ? null : new StoredItem((byte[])fields[0]!, fields[1].ToString());
    }

    public async Task<WriteOutcome> WriteAsync(string key, byte[] value, string? expectedETag, TimeSpan timeToLive,
        CancellationToken cancellationToken)
    {
        var etag = Guid.NewGuid().ToString("N");
        var written = await Guard(() => _redis.GetDatabase().ScriptEvaluateAsync(CompareAndSet, [key],
            [expectedETag ?? "", value, etag, (long)timeToLive.TotalMilliseconds]));
        return (int)written == 1 ? WriteOutcome.Ok(etag) : WriteOutcome.Conflict;
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        Guard(() => _redis.GetDatabase().KeyDeleteAsync(key));

    public void Dispose()
    {
        if (_ownsConnection)
        {
            _redis.Dispose();
        }
    }

    private static async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception exception) when (exception is RedisConnectionException or RedisTimeoutException
                                          || (exception is RedisServerException server
                                              && server.Message.StartsWith("LOADING", StringComparison.Ordinal)))
        {
            throw new StateUnavailableException("Redis is unreachable.", exception);
        }
    }
}
