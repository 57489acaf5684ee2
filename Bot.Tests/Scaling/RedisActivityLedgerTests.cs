using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using SecretBot.Bot.Scaling;
using SecretBot.Dialogs.State;
using SecretBot.Protocol.Schema;

namespace SecretBot.Bot.Tests.Scaling;

/// <summary>The re-send ledger of several instances on a real redis-server: what one instance handled, another recognises.</summary>
public sealed class RedisActivityLedgerTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string Prefix = "sb:ledger-test:";

    [Fact]
    public async Task AnInvokeHandledByOneInstanceIsAnsweredTheSameByAnother()
    {
        using var first = RedisStateStore.OpenConnection(redis.ConnectionString);
        using var second = RedisStateStore.OpenConnection(redis.ConnectionString);
        var window = TimeSpan.FromMinutes(10);
        var answer = new JsonObject { ["statusCode"] = 200, ["type"] = "application/vnd.microsoft.card.adaptive", ["value"] = new JsonObject { ["body"] = new JsonArray() } };

        await Ledger(first, window).MarkHandledAsync(Invoke("conv-a", "click-1"), new InvokeResponse(200, answer), default);
        var found = await Ledger(second, window).FindAsync(Invoke("conv-a", "click-1"), default);

        Assert.Equal(200, found!.Response!.Status);
        Assert.Equal(answer.ToJsonString(), JsonSerializer.Serialize(found.Response.Body));
        Assert.Null(await Ledger(second, window).FindAsync(Invoke("conv-b", "click-1"), default));
        Assert.Null(await Ledger(second, window).FindAsync(Invoke("conv-a", "click-2"), default));

        var key = Prefix + "a:" + TestDigests.Digest.Key("conv-a\nclick-1");
        var ttl = await second.GetDatabase().KeyTimeToLiveAsync(key);
        Assert.InRange(ttl!.Value, window - TimeSpan.FromMinutes(1), window);
        var dump = await redis.DumpAsync();
        Assert.DoesNotContain("conv-a", dump);
        Assert.DoesNotContain("click-1", dump);
    }

    [Fact]
    public async Task AMessageIsRememberedWithoutAResponse()
    {
        using var connection = RedisStateStore.OpenConnection(redis.ConnectionString);
        var ledger = Ledger(connection, TimeSpan.FromMinutes(1));
        var message = new Activity { Type = ActivityTypes.Message, Id = "message-1", Conversation = new ConversationAccount { Id = "conv-m" } };

        await ledger.MarkHandledAsync(message, null, default);
        var found = await ledger.FindAsync(message, default);

        Assert.NotNull(found);
        Assert.Null(found.Response);
        Assert.Equal("0\n", (string?)await connection.GetDatabase().StringGetAsync(Prefix + "a:" + TestDigests.Digest.Key("conv-m\nmessage-1")));
    }

    private static RedisActivityLedger Ledger(IConnectionMultiplexer connection, TimeSpan window) =>
        new(connection, TestDigests.Digest, Prefix, window, new RedisOutageNotice(NullLogger<RedisOutageNotice>.Instance));

    private static Activity Invoke(string conversation, string id) =>
        new() { Type = ActivityTypes.Invoke, Name = "adaptiveCard/action", Id = id, Conversation = new ConversationAccount { Id = conversation } };
}
