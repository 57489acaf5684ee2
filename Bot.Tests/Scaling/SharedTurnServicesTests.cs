using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using SecretBot.Bot.Scaling;
using SecretBot.Dialogs.State;
using SecretBot.Protocol.Turns;

namespace SecretBot.Bot.Tests.Scaling;

/// <summary>Which turn order and ledger the host wires: this instance's alone in memory, Redis's on the state's one connection.</summary>
public sealed class SharedTurnServicesTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task InMemoryTheTurnOrderAndTheLedgerAreThisInstancesAlone()
    {
        await using var bot = await BotHost.StartAsync();

        Assert.IsType<SingleInstanceTurnOrder>(bot.Services.GetRequiredService<ITurnOrder>());
        Assert.IsType<MemoryActivityLedger>(bot.Services.GetRequiredService<IActivityLedger>());
        Assert.Null(bot.Services.GetService<IConnectionMultiplexer>());
    }

    [Fact]
    public async Task WithRedisTheyAreSharedOnTheStatesOneConnection()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["State:Provider"] = "Redis",
            ["State:Redis"] = redis.ConnectionString,
        });

        Assert.IsType<RedisTurnOrder>(bot.Services.GetRequiredService<ITurnOrder>());
        Assert.IsType<RedisActivityLedger>(bot.Services.GetRequiredService<IActivityLedger>());
        Assert.IsType<RedisStateStore>(bot.Services.GetRequiredService<IStateStore>());
        Assert.Single(bot.Services.GetServices<IConnectionMultiplexer>());
        // Opened while the host started, not by the first turn.
        Assert.True(bot.Services.GetRequiredService<IConnectionMultiplexer>().IsConnected);
    }
}
