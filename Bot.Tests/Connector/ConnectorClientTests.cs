using System.Text.Json;
using SecretBot.Protocol.Connector;
using SecretBot.Protocol.Schema;
using SecretBot.Testing;

namespace SecretBot.Bot.Tests.Connector;

/// <summary>The connector operations over real HTTP: paths, encoding, bodies, retries and their bounds.</summary>
public sealed class ConnectorClientTests
{
    private const string TeamsConversation = "19:abc123@thread.tacv2;messageid=1700000000000";
    private const string TeamsActivity = "1:1a2B=x@y";

    [Fact]
    public async Task EachOperationHitsItsMethodAndPercentEncodedPath()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var client = harness.Client;
        var url = harness.Connector.ServiceUrl;

        var reply = await client.ReplyToActivityAsync(url, TeamsConversation, TeamsActivity, Message("reply"), default);
        await client.SendToConversationAsync(url, TeamsConversation, Message("send"), default);
        await client.UpdateActivityAsync(url, TeamsConversation, TeamsActivity, Message("update"), default);
        await client.DeleteActivityAsync(url, TeamsConversation, TeamsActivity, default);
        var created = await client.CreateConversationAsync(url, new ConversationParameters
        {
            IsGroup = true,
            TenantId = "tenant-42",
            ChannelData = JsonDocument.Parse("""{"channel":{"id":"19:ref@thread.tacv2"}}""").RootElement,
            Activity = Message("new thread"),
        }, default);

        var requests = harness.Connector.Activities;
        var conversation = Uri.EscapeDataString(TeamsConversation);
        var activity = Uri.EscapeDataString(TeamsActivity);
        Assert.Equal(
            [
                $"POST /v3/conversations/{conversation}/activities/{activity}",
                $"POST /v3/conversations/{conversation}/activities",
                $"PUT /v3/conversations/{conversation}/activities/{activity}",
                $"DELETE /v3/conversations/{conversation}/activities/{activity}",
                "POST /v3/conversations",
            ],
            requests.Select(r => $"{r.Method} {r.RawPath}"));
        Assert.Equal(["reply", "send", "update"], requests.Take(3).Select(r => r.Text));
        Assert.Equal("19:ref@thread.tacv2", requests[4].Body!["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.Equal("new thread", requests[4].Body!["activity"]!["text"]!.GetValue<string>());
        Assert.NotNull(reply.Id);
        Assert.NotNull(created.Id);
    }

    [Fact]
    public async Task TooManyRequestsWithRetryAfterIsWaitedOutAndDeliveredOnce()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Connector.EnqueueFaults(new Fault(429, RetryAfterSeconds: 1));

        await harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, "c1", Message("hello"), default);

        var attempts = harness.Connector.Activities;
        Assert.Equal([429, 201], attempts.Select(a => a.Answered));
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(0.95),
            $"retried after {(attempts[1].At - attempts[0].At).TotalMilliseconds} ms, before Retry-After");
    }

    [Theory]
    [InlineData(503)]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(412)]
    public async Task TransientFailuresTwiceThenSuccessIsDelivered(int status)
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Connector.EnqueueFaults(new Fault(status), new Fault(status));

        await harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, "c1", Message("hello"), default);

        Assert.Equal([status, status, 201], harness.Connector.Activities.Select(a => a.Answered));
    }

    [Fact]
    public async Task AnAttemptThatHangsIsCutByItsTimeoutAndRetried()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Connector.EnqueueFaults(new Fault(200, Delay: TimeSpan.FromSeconds(10)));

        await harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, "c1", Message("hello"), default);

        Assert.Contains(harness.Connector.Activities, a => a.Answered == 201);
    }

    [Fact]
    public async Task PersistentServerErrorGivesUpWithinTheBoundAndLogsNoText()
    {
        const string sentinel = "SENTINEL-7b3e-nobody-may-log-this";
        using var metrics = new MetricsRecorder(instrument => instrument.Name.StartsWith("secretbot.connector.", StringComparison.Ordinal));
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Connector.FailAlwaysWith = 503;
        var started = DateTime.UtcNow;

        var failure = await Assert.ThrowsAsync<ConnectorException>(() =>
            harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, "conversation-" + sentinel, Message(sentinel), default));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, failure.Status);
        Assert.Equal(5, harness.Connector.Activities.Count);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20), "gave up after the total bound (Connector:TotalTimeout)");
        Assert.Contains(harness.Logs.Entries, e => e.Message.Contains("failed with status 503"));
        Assert.DoesNotContain(sentinel, harness.Logs.AllText);
        Assert.Contains(metrics.Measurements, m => m.Instrument == "secretbot.connector.retries" && m.Tags["error.type"] == "503");
        Assert.Contains(metrics.Measurements, m => m.Instrument == "secretbot.connector.failures"
            && (m.Tags["operation"], m.Tags["reason"], m.Tags["error.type"]) == ("send", "gave_up", "503"));
        Assert.DoesNotContain(sentinel, metrics.AllText);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(413)]
    public async Task PermanentRefusalIsNotRetriedAndSaysWhatItMeans(int status)
    {
        using var metrics = new MetricsRecorder(instrument => instrument.Name == "secretbot.connector.failures");
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Connector.EnqueueFaults(new Fault(status));

        var failure = await Assert.ThrowsAsync<ConnectorException>(() =>
            harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, "c1", Message("x"), default));

        Assert.Single(harness.Connector.Activities);
        Assert.Equal(ConnectorException.MeaningOf(failure.Status), failure.Meaning);
        Assert.Contains(harness.Logs.Entries, e => e.Message.Contains(failure.Meaning));
        Assert.Contains(metrics.Measurements, m => (m.Tags["reason"], m.Tags["error.type"]) == ("refused", status.ToString()));
    }

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };
}
