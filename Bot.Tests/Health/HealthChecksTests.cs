using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using SecretBot.Bot.Tests.Conversations;
using SecretBot.Testing;

namespace SecretBot.Bot.Tests.Health;

/// <summary>
/// <c>/healthz</c> and <c>/readyz</c> on ASP.NET Core's health checks, with the bot's JSON: readiness
/// follows the state store the turns use (Redis killed: 503, back: 200), liveness does not; and the
/// outage shows in the metrics (turns by dialog outcome, outages, how long it lasted).
/// </summary>
public sealed class HealthChecksTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private readonly HttpClient _http = new();

    [Fact]
    public async Task InMemoryTheBotIsAliveAndReady()
    {
        await using var bot = await BotHost.StartAsync();

        Assert.Equal(("alive", HttpStatusCode.OK), await StatusAsync(bot, "healthz"));
        var (ready, body) = await ReadAsync(bot, "readyz");
        Assert.Equal(HttpStatusCode.OK, ready);
        Assert.Equal("""{"status":"ready","checks":{"knowledge":"ready","state":"ready"}}""", body.ToJsonString());
    }

    [Fact]
    public async Task ReadinessFollowsRedisAndLivenessDoesNot()
    {
        using var metrics = new MetricsRecorder(instrument => instrument.Name.StartsWith("secretbot.", StringComparison.Ordinal));
        await using var connector = await LocalConnector.StartAsync();
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:Language"] = "fr",
            ["State:Provider"] = "Redis",
            ["State:Redis"] = redis.ConnectionString,
        });
        var user = new TeamsUser(bot, connector, $"health-{Guid.NewGuid():N}");
        await user.SayAsync("bonjour");
        Assert.Equal(("ready", HttpStatusCode.OK), await StatusAsync(bot, "readyz"));

        await redis.StopAsync();
        try
        {
            var (down, body) = await ReadAsync(bot, "readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down);
            Assert.Equal("""{"status":"not ready","checks":{"knowledge":"ready","state":"not ready"}}""", body.ToJsonString());
            Assert.Equal(("alive", HttpStatusCode.OK), await StatusAsync(bot, "healthz"));
            await user.SayAsync("bonjour");
        }
        finally
        {
            await redis.StartAsync();
        }

        // The multiplexer reconnects on its own, every 500 ms.
        var clock = Stopwatch.StartNew();
        while ((await StatusAsync(bot, "readyz")).Code != HttpStatusCode.OK)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "still not ready 20 s after Redis came back");
            await Task.Delay(200);
        }

        await user.SayAsync("bonjour");
        Figures.Report("health.redis", $"ready again {clock.Elapsed.TotalSeconds:F1} s after Redis came back");
        Assert.Contains(metrics.Measurements, m => m.Instrument == "secretbot.dialog.turns" && m.Tags["outcome"] == "state_unavailable");
        Assert.Contains(metrics.Measurements, m => m.Instrument == "secretbot.state.outages" && m.Value == 1);
        Assert.Contains(metrics.Measurements, m => m.Instrument == "secretbot.state.outage.duration" && m.Value > 0);
    }

    private async Task<(string? Status, HttpStatusCode Code)> StatusAsync(BotHost bot, string path)
    {
        var (code, body) = await ReadAsync(bot, path);
        return ((string?)body["status"], code);
    }

    private async Task<(HttpStatusCode Code, JsonNode Body)> ReadAsync(BotHost bot, string path)
    {
        using var response = await _http.GetAsync(new Uri(bot.BaseUrl, path));
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
