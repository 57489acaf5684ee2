using System.Collections.Concurrent;
using System.Diagnostics;
using StackExchange.Redis;
using SecretBot.Protocol.Configuration;
using SecretBot.Protocol.Turns;

namespace SecretBot.Bot.Scaling;

/// <summary>
/// One turn at a time per conversation across instances: a lease in Redis on
/// <c>{prefix}t:{keyed digest of the conversation id}</c>. A turn takes it with
/// <c>SET key token NX PX lease</c> (the token is random, new for each turn); while the turn runs,
/// one loop per instance renews the leases it holds every third of <c>Bot:TurnLease</c>, and the
/// turn gives its lease back with a script that deletes the key only while it still holds the
/// turn's token, so a turn that outlived its lease never frees its successor's. An instance that
/// dies frees its conversations when their leases run out. A turn that finds its conversation busy
/// polls, from 2 ms doubling to 50 ms, for <c>Bot:TurnWait</c> at most, then is refused
/// (<see cref="TurnOrderTimeoutException"/>): it is not run beside the other.
/// Redis unreachable: the in-process gate alone orders the turns; the state store's compare-and-set
/// still refuses a lost update, and the person gets the state store's service message.
/// </summary>
public sealed partial class RedisTurnOrder : ITurnOrder, IAsyncDisposable
{
    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('DEL', KEYS[1])
        end
        return 0
        """;

    private const string RenewScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        return 0
        """;

    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(50);
    private static readonly IAsyncDisposable NotHeld = new Unheld();

    private readonly IConnectionMultiplexer _redis;
    private readonly KeyedDigest _digest;
    private readonly string _prefix;
    private readonly TimeSpan _lease;
    private readonly TimeSpan _wait;
    private readonly RedisOutageNotice _outage;
    private readonly ILogger<RedisTurnOrder> _logger;
    private readonly ConcurrentDictionary<Lease, byte> _held = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _renewing;

    public RedisTurnOrder(IConnectionMultiplexer redis, KeyedDigest digest, string prefix, BotOptions options,
        RedisOutageNotice outage, ILogger<RedisTurnOrder> logger)
    {
        (_redis, _digest, _prefix, _lease, _wait, _outage, _logger) = (redis, digest, prefix, options.TurnLease, options.TurnWait, outage, logger);
        _renewing = RenewAsync();
    }

    /// <summary>Leases this instance holds now (turns running).</summary>
    public int Held => _held.Count;

    public async ValueTask<IAsyncDisposable> EnterAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (!_redis.IsConnected)
        {
            _outage.Down();
            return NotHeld;
        }

        var lease = new Lease(this, _prefix + "t:" + _digest.Key(conversationId), Guid.NewGuid().ToString("N"));
        var started = Stopwatch.GetTimestamp();
        var pause = FirstPoll;
        while (true)
        {
            try
            {
                if (await _redis.GetDatabase().StringSetAsync(lease.Key, lease.Token, _lease, When.NotExists))
                {
                    _held.TryAdd(lease, 0);
                    _outage.Up();
                    return lease;
                }
            }
            catch (Exception exception) when (RedisOutageNotice.IsOutage(exception))
            {
                // A SET that timed out may still have taken the lease: give it back, or the
                // conversation's next turns would wait for it to run out.
                _outage.Down();
                ForgetLease(lease);
                return NotHeld;
            }

            var waited = Stopwatch.GetElapsedTime(started);
            if (waited >= _wait)
            {
                LogBusy(waited.TotalSeconds);
                throw new TurnOrderTimeoutException(waited);
            }

            await Task.Delay(pause + TimeSpan.FromMilliseconds(Random.Shared.Next(2)), cancellationToken);
            pause = pause * 2 < LongestPoll ? pause * 2 : LongestPoll;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _renewing;
        _stopping.Dispose();
    }

    private async Task ReleaseAsync(Lease lease)
    {
        _held.TryRemove(lease, out _);
        try
        {
            await _redis.GetDatabase().ScriptEvaluateAsync(ReleaseScript, [lease.Key], [lease.Token]);
        }
        catch (Exception exception) when (RedisOutageNotice.IsOutage(exception))
        {
            // The lease runs out by itself.
            _outage.Down();
        }
    }

    private void ForgetLease(Lease lease)
    {
        try
        {
            _redis.GetDatabase().ScriptEvaluate(ReleaseScript, [lease.Key], [lease.Token], CommandFlags.FireAndForget);
        }
        catch (Exception exception) when (RedisOutageNotice.IsOutage(exception))
        {
            // Unreachable: the lease, if it was taken, runs out by itself.
        }
    }

    private async Task RenewAsync()
    {
        using var timer = new PeriodicTimer(_lease / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                await Task.WhenAll(_held.Keys.Select(RenewAsync));
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopped with the host.
        }
    }

    private async Task RenewAsync(Lease lease)
    {
        try
        {
            var renewed = (long)await _redis.GetDatabase().ScriptEvaluateAsync(RenewScript, [lease.Key],
                [lease.Token, (long)_lease.TotalMilliseconds]);
            // Not renewed and still ours: the lease ran out (a pause longer than two thirds of it), another turn may run.
            if (renewed == 0 && _held.TryRemove(lease, out _))
            {
                LogLeaseLost(_lease.TotalSeconds);
            }
        }
        catch (Exception exception) when (RedisOutageNotice.IsOutage(exception))
        {
            _outage.Down();
        }
    }

    [LoggerMessage(EventId = 702, Level = LogLevel.Warning,
        Message = "A turn's lease ran out before it ended ({LeaseSeconds:F0} s): another instance may have run the conversation's next turn beside it")]
    private partial void LogLeaseLost(double leaseSeconds);

    [LoggerMessage(EventId = 703, Level = LogLevel.Warning,
        Message = "A turn waited {WaitedSeconds:F1} s for its conversation on another instance and was refused with 503")]
    private partial void LogBusy(double waitedSeconds);

    private sealed class Lease(RedisTurnOrder order, string key, string token) : IAsyncDisposable
    {
        private int _released;

        public RedisKey Key { get; } = key;

        public RedisValue Token { get; } = token;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                await order.ReleaseAsync(this);
            }
        }
    }

    private sealed class Unheld : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
