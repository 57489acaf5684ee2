using SecretBot.Testing;
using System.Text.Json;
using System.Text.Json.Nodes;
using SecretBot.Protocol.Schema;
using SecretBot.Protocol.Turns;
using SecretBot.Conversations.Turns;

namespace SecretBot.Bot.Tests.Turns;

/// <summary>The ledger of handled activities: a re-send gets the first answer back, and the answers kept are bounded in bytes.</summary>
public sealed class ActivityLedgerTests
{
    [Fact]
    public async Task AReSentInvokeGetsTheSameAnswerBack()
    {
        using var ledger = new MemoryActivityLedger(TimeSpan.FromMinutes(10), TestDigests.Digest);
        var invoke = Invoke("conv-1", "activity-1");
        await ledger.MarkHandledAsync(invoke, new InvokeResponse(200, new JsonObject { ["composeExtension"] = new JsonObject { ["type"] = "result" } }), default);

        var response = (await ledger.FindAsync(Invoke("conv-1", "activity-1"), default))?.Response;
        Assert.Equal(200, response!.Status);
        Assert.Equal("""{"composeExtension":{"type":"result"}}""", JsonSerializer.Serialize(response.Body));
        Assert.Null(await ledger.FindAsync(Invoke("conv-2", "activity-1"), default));
    }

    [Fact]
    public async Task AnswersAreBoundedInBytesNotInEntries()
    {
        // 6,000 search answers of 20 KB (120 MB) against a bound of about 100 MB of answers.
        using var ledger = new MemoryActivityLedger(TimeSpan.FromMinutes(10), TestDigests.Digest);
        var answer = new JsonObject { ["cards"] = new string('x', 20 * 1024) };
        for (var i = 0; i < 6_000; i++)
        {
            await ledger.MarkHandledAsync(Invoke("conv-search", $"query-{i}"), new InvokeResponse(200, answer), default);
        }

        var remembered = 0;
        for (var i = 0; i < 6_000; i++)
        {
            remembered += await ledger.FindAsync(Invoke("conv-search", $"query-{i}"), default) is null ? 0 : 1;
        }

        Assert.InRange(remembered, 1, 200_000 / (1 + 20 * 1024 / 512));
    }

    private static Activity Invoke(string conversation, string id) =>
        new() { Type = ActivityTypes.Invoke, Id = id, Conversation = new ConversationAccount { Id = conversation } };
}
