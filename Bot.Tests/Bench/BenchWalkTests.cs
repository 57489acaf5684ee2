using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SecretBot.Bench.Driver;
using SecretBot.Bench.Hosting;
using SecretBot.Bench.Load;
using SecretBot.Bench.Peers;
using SecretBot.Bot.Tests.Conversations;
using SecretBot.Testing;
using SecretBot.Knowledge.Tests;
using SecretBot.Knowledge.Evaluation;
using SecretBot.Knowledge.Model;

namespace SecretBot.Bot.Tests.Bench;

/// <summary>
/// The load benchmark's own pieces (sink, issuer, bench host, load generator) for a few turns, so
/// that the benchmark cannot silently measure error pages: each click is a button of the card the
/// bot sent before it, and the walks end on the answer cards. Counts only; nothing is timed.
/// </summary>
public sealed class BenchWalkTests
{
    [Theory]
    [InlineData(BenchMode.Anonymous)]
    [InlineData(BenchMode.Auth)]
    public async Task TheLoadGeneratorsWalksReachTheAnswerCards(BenchMode mode)
    {
        await using var sink = await LocalConnector.StartAsync(record: false);
        sink.RequireToken = mode == BenchMode.Auth;
        await using var bot = await StartBotAsync(mode, sink);
        var token = mode == BenchMode.Auth ? sink.Issuer.ChannelToken(BotSettings.AppId, sink.ServiceUrl) : null;
        using var generator = new LoadGenerator(bot.Url, sink, floor: false, token);

        var run = generator.Start(new LoadPlan(Walks.PoliceThenShare, Users: 2) { WalkLimit = 2, Capture = true });
        await run.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        var result = await run.StopAsync();

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Walks);
        Assert.Equal(2 * Walks.PoliceThenShare.Count, result.Turns);
        Assert.Equal(0, sink.MissingToken);
        Assert.Equal(mode == BenchMode.Auth ? 1 : 0, sink.TokensIssued);
        Assert.Equal(0, sink.Unmatched);
        foreach (var user in run.Captured.GroupBy(reply => reply.User))
        {
            AssertEachClickIsOnTheCardBefore(user.ToList());
            AssertTheWalkEndsOnTheAnswers(user.ToList());
        }
    }

    [Fact]
    public async Task TheFloorAnswersEveryTurnWithItsOneReply()
    {
        await using var sink = await LocalConnector.StartAsync(record: false);
        await using var bot = await StartBotAsync(BenchMode.Floor, sink);
        using var generator = new LoadGenerator(bot.Url, sink, floor: true, bearerToken: null);

        var run = generator.Start(new LoadPlan(Walks.PoliceThenShare, Users: 1) { WalkLimit = 1, Capture = true });
        await run.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        var result = await run.StopAsync();

        Assert.Empty(result.Errors);
        Assert.Equal(Walks.PoliceThenShare.Count, result.Turns);
        Assert.All(run.Captured, reply => Assert.Equal(FloorHandler.ReplyText, (string?)JsonNode.Parse(reply.Body)!["text"]));
        var stats = await new HttpClient().GetFromJsonAsync<HostStats>(new Uri(bot.Url, "bench/stats?gc=true"));
        Assert.True(stats!.AllocatedBytes > 0 && stats.HeapBytes > 0 && stats.StoredEntries == 0);
    }

    [Fact]
    public async Task AReplyWithoutTheExpectedCardIsAnError()
    {
        await using var sink = await LocalConnector.StartAsync(record: false);
        await using var bot = await StartBotAsync(BenchMode.Anonymous, sink);
        using var generator = new LoadGenerator(bot.Url, sink, floor: false, bearerToken: null);
        var step = WalkStep.Say("expects-another-card", "puis-je partager une information ?", "\"outcome\":\"nowhere\"");

        var run = generator.Start(new LoadPlan([step], Users: 1) { WalkLimit = 1 });
        await run.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        var result = await run.StopAsync();

        Assert.Equal(0, result.Turns);
        Assert.Equal(1, result.ErrorCount);
        Assert.Equal("reply without the expected card at expects-another-card", Assert.Single(result.Errors).Key);
    }

    [Fact]
    public void TheBenchsTeamsMessageIsShapedLikeTheRecordedOne()
    {
        var recorded = Activities.Recorded("message", a => a["text"] is not null);
        Assert.Equal(Shape(recorded), Shape(TeamsActivities.Recorded()));
    }

    private static void AssertEachClickIsOnTheCardBefore(List<CapturedReply> replies)
    {
        var steps = Walks.PoliceThenShare;
        for (var i = 1; i < steps.Count; i++)
        {
            if (!steps[i].IsClick)
            {
                continue;
            }

            var card = Cards(replies, steps[i - 1].Name).Last();
            Assert.Contains(card.Buttons(), button => (string?)button["verb"] == steps[i].Verb
                && JsonNode.DeepEquals(button["data"], steps[i].Data));
        }
    }

    private static void AssertTheWalkEndsOnTheAnswers(List<CapturedReply> replies)
    {
        var evaluator = new Evaluator(RealKnowledge.Value);
        var police = evaluator.Evaluate(Jurisdiction.BE, Topics.Police, new Dictionary<string, string> { ["request"] = "police_call", ["bound"] = "yes" });
        var share = evaluator.Evaluate(Jurisdiction.BE, Topics.Share, new Dictionary<string, string>
        {
            ["partner"] = "colleague_bound", ["consent"] = "yes", ["same_mission"] = "yes", ["necessary"] = "yes",
        });
        Assert.Contains("La police vous appelle", Cards(replies, "police-urgent").Single().Text());
        Assert.Contains(CardReading.Plain(police.Title.Fr), Cards(replies, "police-answer").Last().Text());
        Assert.Contains(CardReading.Plain(share.Title.Fr), Cards(replies, "share-answer").Last().Text());
        Assert.Contains(CardReading.Plain(SecretBot.Cards.Texts.TextCatalog.For(SecretBot.Knowledge.Model.Language.Fr)["notAlone.title"]), Cards(replies, "share-answer").Last().Text());
    }

    private static List<JsonObject> Cards(List<CapturedReply> replies, string step) => replies
        .Where(reply => reply.Step == step && !reply.IsUpdate)
        .Select(reply => JsonNode.Parse(reply.Body)!["attachments"]?[0]?["content"]?.AsObject())
        .OfType<JsonObject>()
        .ToList();

    private static List<string> Shape(JsonNode? node, string path = "") => node switch
    {
        JsonObject obj => obj.SelectMany(pair => Shape(pair.Value, $"{path}/{pair.Key}").Prepend($"{path}/{pair.Key}")).Order().ToList(),
        JsonArray array => array.SelectMany(item => Shape(item, path + "[]")).Distinct().ToList(),
        _ => [],
    };

    private static async Task<InProcessBot> StartBotAsync(BenchMode mode, LocalConnector sink)
    {
        var settings = BotSettings.For(mode, sink).Select(pair => KeyValuePair.Create(pair.Key, (string?)pair.Value));
        var app = BenchHost.Build(mode, ["--urls=http://127.0.0.1:0", $"--environment={BotSettings.Environment}"],
            builder => builder.Configuration.AddInMemoryCollection(settings));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new InProcessBot(app, new Uri(address.TrimEnd('/') + "/"));
    }

    private sealed record InProcessBot(WebApplication App, Uri Url) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
