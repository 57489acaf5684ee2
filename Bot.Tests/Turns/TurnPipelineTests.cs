using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SecretBot.Testing;
using SecretBot.Cards.Catalog;
using SecretBot.Cards.Texts;
using SecretBot.Knowledge.Model;
using SecretBot.Protocol.Turns;
using SecretBot.Conversations.Turns;

namespace SecretBot.Bot.Tests.Turns;

/// <summary>The path of a turn through the real host: one at a time per conversation, once per id, typing, apologies, privacy.</summary>
public sealed class TurnPipelineTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private readonly CapturingLoggerProvider _logs = new();
    private LocalConnector _connector = null!;
    private BotHost _bot = null!;
    private ProbeHandler _probe = null!;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Bot:Language"] = "fr" }, logs: _logs,
            replaceServices: services =>
            {
                var real = services.Last(d => d.ServiceType == typeof(ITurnHandler));
                services.AddSingleton(provider => new ProbeHandler((ITurnHandler)(real.ImplementationFactory?.Invoke(provider)
                    ?? ActivatorUtilities.CreateInstance(provider, real.ImplementationType!))));
                services.AddSingleton<ITurnHandler>(provider => provider.GetRequiredService<ProbeHandler>());
            });
        _probe = _bot.Services.GetRequiredService<ProbeHandler>();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task TwentyMessagesOfOneConversationAtOnceRunOneAtATimeAndAllAreAnswered()
    {
        var posts = Enumerable.Range(0, 20).Select(i => Post(Activities.Message($"message {i}", _connector.ServiceUrl.AbsoluteUri, "conv-busy")));
        var responses = await Task.WhenAll(posts);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var replies = await _connector.WaitForActivitiesAsync(20);
        Assert.Equal(20, replies.Count(r => r.Type == "message"));
        Assert.Equal(1, _probe.MaxConcurrent);
        Assert.Equal(20, _probe.Turns);
    }

    [Fact]
    public async Task DifferentConversationsRunInParallel()
    {
        _probe.Delay = TimeSpan.FromMilliseconds(300);
        var posts = Enumerable.Range(0, 4).Select(i => Post(Activities.Message("hi", _connector.ServiceUrl.AbsoluteUri, $"conv-{i}")));
        await Task.WhenAll(posts);

        Assert.True(_probe.MaxConcurrent > 1, $"at most {_probe.MaxConcurrent} turn(s) ran at once");
    }

    [Fact]
    public async Task ARepeatedActivityIdIsAnsweredOnce()
    {
        var json = Activities.Message("once", _connector.ServiceUrl.AbsoluteUri, "conv-dup", id: "teams-resend-1");
        var responses = await Task.WhenAll(Post(json), Post(json), Post(json));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await _connector.WaitForActivitiesAsync(1);
        await Task.Delay(200);
        Assert.Single(_connector.Activities, a => a.Type == "message");
        Assert.Equal(1, _probe.Turns);
    }

    [Fact]
    public async Task TheSameActivityIdInAnotherConversationIsANewTurn()
    {
        await Post(Activities.Message("a", _connector.ServiceUrl.AbsoluteUri, "conv-x", id: "same-id"));
        await Post(Activities.Message("b", _connector.ServiceUrl.AbsoluteUri, "conv-y", id: "same-id"));
        Assert.Equal(2, _probe.Turns);
    }

    [Fact]
    public async Task ASlowTurnShowsTypingFirst()
    {
        _probe.Delay = TimeSpan.FromSeconds(1.6);
        await Post(Activities.Message("slow", _connector.ServiceUrl.AbsoluteUri, "conv-slow"));

        var sent = await _connector.WaitForActivitiesAsync(2);
        Assert.Equal(["typing", "message"], sent.Select(a => a.Type));
    }

    [Fact]
    public async Task AQuickTurnShowsNoTyping()
    {
        await Post(Activities.Message("quick", _connector.ServiceUrl.AbsoluteUri, "conv-quick"));
        var sent = await _connector.WaitForActivitiesAsync(1);
        Assert.DoesNotContain(sent, a => a.Type == "typing");
    }

    [Fact]
    public async Task AFailingTurnGetsAnApologyNot500AndLogsNoText()
    {
        const string sentinel = "SENTINEL-f00d-private-words";
        _probe.Fail = true;
        using var response = await Post(Activities.Message(sentinel, _connector.ServiceUrl.AbsoluteUri, "conv-fail"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = await _connector.WaitForActivitiesAsync(1);
        Assert.Equal(ApologyCard.Create(TextCatalog.For(Language.Fr)).FallbackText, sent[0].Body?["summary"]?.GetValue<string>());
        Assert.Contains(_logs.Entries, e => e.Message.Contains("Turn failed with System.InvalidOperationException"));
        Assert.DoesNotContain(sentinel, _logs.AllText);
    }

    [Fact]
    public async Task AnInvokeNobodyHandlesIs501()
    {
        var invoke = Activities.Recorded("invoke");
        invoke["serviceUrl"] = _connector.ServiceUrl.AbsoluteUri;
        invoke["name"] = "task/fetch";
        using var response = await Post(invoke.ToJsonString());
        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task AnInvokeResponseIsTheHttpAnswerStatusAndBody()
    {
        _probe.InvokeAnswer = new SecretBot.Protocol.Schema.InvokeResponse(200, new JsonObject
        {
            ["statusCode"] = 200,
            ["type"] = "application/vnd.microsoft.activity.message",
            ["value"] = "ok",
        });
        var invoke = Activities.Recorded("invoke");
        invoke["serviceUrl"] = _connector.ServiceUrl.AbsoluteUri;
        using var response = await Post(invoke.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Equal("ok", body["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheBotIsWelcomedOncePerConversationWithTheWelcomeCard()
    {
        foreach (var type in new[] { "installationUpdate", "conversationUpdate", "conversationUpdate" })
        {
            using var response = await Post(Announcement(type));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(0, response.Content.Headers.ContentLength ?? 0);
        }

        await Task.Delay(200);
        var welcome = Assert.Single(_connector.Activities);
        var card = welcome.Body!["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", card["contentType"]!.GetValue<string>());
        Assert.Contains(TextCatalog.For(Language.Fr)["welcome.title"], card["content"]!.ToJsonString());
    }

    [Fact]
    public async Task AWelcomeThatCouldNotBeDeliveredIsSentOnTheNextAnnouncement()
    {
        _connector.FailAlwaysWith = 403;
        using (var refused = await Post(Announcement("installationUpdate")))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        Assert.NotEmpty(_connector.Activities);
        Assert.All(_connector.Activities, a => Assert.Equal(403, a.Answered));
        _connector.FailAlwaysWith = null;
        _connector.Forget();

        foreach (var type in new[] { "conversationUpdate", "conversationUpdate" })
        {
            using var response = await Post(Announcement(type));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Task.Delay(200);
        var welcome = Assert.Single(_connector.Activities);
        Assert.Contains(TextCatalog.For(Language.Fr)["welcome.title"],
            welcome.Body!["attachments"]![0]!["content"]!.ToJsonString());
    }

    private string Announcement(string type)
    {
        var activity = Activities.Recorded(type);
        activity["serviceUrl"] = _connector.ServiceUrl.AbsoluteUri;
        activity["id"] = Guid.NewGuid().ToString();
        return activity.ToJsonString();
    }

    [Fact]
    public async Task TheReplyGoesBackInTheSameConversationAsAReplyToTheMessage()
    {
        var json = Activities.Message("hi", _connector.ServiceUrl.AbsoluteUri, "19:meeting@thread.tacv2;messageid=42", id: "1700000000042");
        await Post(json);
        var reply = (await _connector.WaitForActivitiesAsync(1))[0];
        var incoming = JsonNode.Parse(json)!;

        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString("19:meeting@thread.tacv2;messageid=42")}/activities/1700000000042", reply.RawPath);
        Assert.Equal("1700000000042", reply.Body!["replyToId"]!.GetValue<string>());
        Assert.Equal(incoming["from"]!["id"]!.GetValue<string>(), reply.Body!["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal(incoming["recipient"]!["id"]!.GetValue<string>(), reply.Body!["from"]!["id"]!.GetValue<string>());
        Assert.Null(reply.Body!["id"]);
    }

    [Fact]
    public async Task WhatPeopleTypeNeverReachesTheLogsAtAnyLevel()
    {
        const string sentinel = "SENTINEL-2c9a-je-suis-inquiete-pour-Lea";
        for (var i = 0; i < 5; i++)
        {
            await Post(Activities.Message($"{sentinel} {i}", _connector.ServiceUrl.AbsoluteUri, $"conv-{sentinel}-{i}"));
        }

        await _connector.WaitForActivitiesAsync(5);
        Assert.Contains(_logs.Entries, e => e.Message.StartsWith("Turn message"));
        Assert.DoesNotContain(sentinel, _logs.AllText);
    }

    private Task<HttpResponseMessage> Post(string json) =>
        _http.PostAsync(_bot.MessagesUrl, new StringContent(json, Encoding.UTF8, "application/json"));
}
