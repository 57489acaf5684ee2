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
    public void AReSentInvokeGetsTheSameAnswerBack()
    {
        using var ledger = new ActivityLedger(TimeSpan.FromMinutes(10), TestDigests.Digest);
        var invoke = Invoke("conv-1", "activity-1");
        ledger.MarkHandled(invoke, new InvokeResponse(200, new JsonObject { ["composeExtension"] = new JsonObject { ["type"] = "result" } }));

        Assert.True(ledger.TryGetHandled(Invoke("conv-1", "activity-1"), out var response));
        Assert.Equal(200, response!.Status);
        Assert.Equal("""{"composeExtension":{"type":"result"}}""", JsonSerializer.Serialize(response.Body));
        Assert.False(ledger.TryGetHandled(Invoke("conv-2", "activity-1"), out _));
    }

    [Fact]
    public void AnswersAreBoundedInBytesNotInEntries()
    {
        // 6,000 search answers of 20 KB (120 MB) against a bound of about 100 MB of answers.
        using var ledger = new ActivityLedger(TimeSpan.FromMinutes(10), TestDigests.Digest);
        var answer = new JsonObject { ["cards"] = new string('x', 20 * 1024) };
        for (var i = 0; i < 6_000; i++)
        {
            ledger.MarkHandled(Invoke("conv-search", $"query-{i}"), new InvokeResponse(200, answer));
        }

        var remembered = Enumerable.Range(0, 6_000).Count(i => ledger.TryGetHandled(Invoke("conv-search", $"query-{i}"), out _));
        Assert.InRange(remembered, 1, 200_000 / (1 + 20 * 1024 / 512));
    }

    private static Activity Invoke(string conversation, string id) =>
        new() { Type = ActivityTypes.Invoke, Id = id, Conversation = new ConversationAccount { Id = conversation } };
}
