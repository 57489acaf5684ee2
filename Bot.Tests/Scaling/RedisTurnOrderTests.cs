using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using SecretBot.Bot.Scaling;
using SecretBot.Dialogs.State;
using SecretBot.Protocol.Configuration;
using SecretBot.Protocol.Turns;

namespace SecretBot.Bot.Tests.Scaling;

/// <summary>
/// The turn order of several instances on a real redis-server: one turn at a time per conversation
/// across instances, a lease that outlives a slow turn (renewed) but not a dead instance, a release
/// that never frees another turn's lease, a bounded wait, and no wait at all when Redis is away.
/// </summary>
public sealed class RedisTurnOrderTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private const string Prefix = "sb:order-test:";
    private readonly List<IAsyncDisposable> _instances = [];
    private ConnectionMultiplexer? _admin;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        _admin?.Dispose();
    }

    [Fact]
    public async Task TwoInstancesNeverRunTheTurnsOfOneConversationTogether()
    {
        var (first, second) = (Instance(), Instance());
        var running = 0;
        var overlapped = 0;

        async Task TurnAsync(RedisTurnOrder order)
        {
            await using var entered = await order.EnterAsync("conv-shared", default);
            if (Interlocked.Increment(ref running) > 1)
            {
                Interlocked.Increment(ref overlapped);
            }

            await Task.Delay(3);
            Interlocked.Decrement(ref running);
        }

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => TurnAsync(i % 2 == 0 ? first : second))));

        Assert.Equal(0, overlapped);
        Assert.Equal(0, first.Held + second.Held);
        Assert.False(await Database().KeyExistsAsync(LeaseKey("conv-shared")));
    }

    [Fact]
    public async Task ASlowTurnKeepsItsLeaseByRenewingIt()
    {
        var lease = TimeSpan.FromMilliseconds(600);
        var slow = Instance(lease);
        var other = Instance(lease, wait: TimeSpan.FromMilliseconds(1500));

        await using (await slow.EnterAsync("conv-slow", default))
        {
            // Three leases long: without renewal, the other instance would get in after 600 ms.
            await Assert.ThrowsAsync<TurnOrderTimeoutException>(async () => await other.EnterAsync("conv-slow", default));
        }

        await using var next = await other.EnterAsync("conv-slow", default);
        Assert.Equal(1, other.Held);
    }

    [Fact]
    public async Task AnInstanceThatDiesFreesItsConversationsWhenTheirLeasesRunOut()
    {
        var lease = TimeSpan.FromMilliseconds(800);
        var dying = Instance(lease);
        var survivor = Instance(lease);
        await dying.EnterAsync("conv-orphan", default);
        // Dies: no more renewal, and never a release.
        _instances.Remove(dying);
        await dying.DisposeAsync();

        var clock = Stopwatch.StartNew();
        await using var entered = await survivor.EnterAsync("conv-orphan", default);

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(3));
        Figures.Report("scaling.turnOrder.deadInstance", $"lease {lease.TotalMilliseconds:F0} ms; the next turn got in after {clock.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task AReleaseNeverFreesAnotherTurnsLease()
    {
        var order = Instance();
        var entered = await order.EnterAsync("conv-late", default);
        // Its lease ran out during a pause and another instance's turn took the conversation.
        await Database().StringSetAsync(LeaseKey("conv-late"), "another-turn", TimeSpan.FromSeconds(10));

        await entered.DisposeAsync();

        Assert.Equal("another-turn", (string?)await Database().StringGetAsync(LeaseKey("conv-late")));
    }

    [Fact]
    public async Task TheWaitIsBounded()
    {
        var order = Instance(wait: TimeSpan.FromMilliseconds(300));
        await Database().StringSetAsync(LeaseKey("conv-stuck"), "a-turn-elsewhere", TimeSpan.FromSeconds(10));

        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAsync<TurnOrderTimeoutException>(async () => await order.EnterAsync("conv-stuck", default));

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task WithoutRedisTheInProcessGateAloneOrdersTheTurns()
    {
        using var nowhere = RedisStateStore.OpenConnection($"127.0.0.1:{FreePort.Next()}");
        await using var order = new RedisTurnOrder(nowhere, TestDigests.Digest, Prefix, new BotOptions(),
            new RedisOutageNotice(NullLogger<RedisOutageNotice>.Instance), NullLogger<RedisTurnOrder>.Instance);

        var clock = Stopwatch.StartNew();
        await using var entered = await order.EnterAsync("conv-offline", default);

        Assert.Equal(0, order.Held);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"waited {clock.Elapsed.TotalMilliseconds:F0} ms");
    }

    private RedisTurnOrder Instance(TimeSpan? lease = null, TimeSpan? wait = null)
    {
        var connection = RedisStateStore.OpenConnection(redis.ConnectionString);
        var options = new BotOptions { TurnLease = lease ?? TimeSpan.FromSeconds(10), TurnWait = wait ?? TimeSpan.FromSeconds(10) };
        var order = new RedisTurnOrder(connection, TestDigests.Digest, Prefix, options,
            new RedisOutageNotice(NullLogger<RedisOutageNotice>.Instance), NullLogger<RedisTurnOrder>.Instance);
        _instances.Add(order);
        _instances.Add(connection);
        return order;
    }

    private IDatabase Database()
    {
        _admin ??= ConnectionMultiplexer.Connect(redis.ConnectionString);
        return _admin.GetDatabase();
    }

    private static string LeaseKey(string conversationId) => Prefix + "t:" + TestDigests.Digest.Key(conversationId);
}
