using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SecretBot.Conversations;
using SecretBot.Conversations.Turns;
using SecretBot.Conversations.Effects;
using SecretBot.Conversations.Welcome;
using SecretBot.Testing;
using SecretBot.Dialogs.Engine;
using SecretBot.Dialogs.Runtime;
using SecretBot.Dialogs.Tests.Support;
using SecretBot.Dialogs.State;
using SecretBot.Protocol.Configuration;
using SecretBot.Conversations.Preferences;

namespace SecretBot.Bot.Tests.Dialogs;

/// <summary>
/// The dialog engine inside the real host, over HTTP, with a real redis-server: concurrency with one
/// and two bot instances, an interview surviving a restart, Redis going away and coming back, and
/// stores that never hold what people typed.
/// </summary>
public sealed class DialogsThroughTheBotTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private LocalConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await LocalConnector.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _connector.DisposeAsync();
    }

    private Task<BotHost> StartBotAsync(bool useRedis, CapturingLoggerProvider? logs = null) =>
        BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:Language"] = "fr",
            ["State:Provider"] = useRedis ? "Redis" : "Memory",
            ["State:Redis"] = useRedis ? redis.ConnectionString : null,
        }, logs: logs, replaceServices: services =>
        {
            // The engine's test interview instead of SecretBot's: plain questions, the same host, store and runner.
            services.AddSingleton(TestBot.BuildDialogs());
            services.AddSingleton(provider => ActivatorUtilities.CreateInstance<DialogTurnRunner>(provider, "root"));
        });

    private async Task<HttpStatusCode> SayAsync(BotHost bot, string conversation, string text)
    {
        using var response = await _http.PostAsync(bot.MessagesUrl,
            new StringContent(Activities.Message(text, _connector.ServiceUrl.AbsoluteUri, conversation), Encoding.UTF8, "application/json"));
        return response.StatusCode;
    }

    private string LastSaid(string conversation) =>
        _connector.Activities.Last(a => a.RawPath.Contains(Uri.EscapeDataString(conversation)) && a.Type == "message") is var last
            ? last.Text ?? last.Body?["summary"]?.GetValue<string>() ?? ""
            : "";

    [Fact]
    public async Task FiftyTurnsOfOneConversationAtOnceThroughTheBotAreAllApplied()
    {
        await using var bot = await StartBotAsync(useRedis: false);
        await SayAsync(bot, "conv-50", "bonjour");
        var statuses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => SayAsync(bot, "conv-50", "zzz")));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var store = bot.Services.GetRequiredService<IStateStore>();
        var state = DialogStateSerializer.TryDeserialize((await store.ReadAsync(bot.Services.GetRequiredService<StateKeys>().Conversation("conv-50"), default))!.Value)!;
        Assert.Equal(50, state.Active!.Values.GetInt("_misses"));
        Assert.Equal(51, _connector.Activities.Count(a => a.Type == "message"));
        Figures.Report("dialogs.concurrent-turns (one bot, gate)", "50 sent, 50 applied, 0 busy");
    }

    [Fact]
    public async Task TwoBotInstancesSharingRedisNeverLoseOrDoubleATurn()
    {
        await using var first = await StartBotAsync(useRedis: true);
        await using var second = await StartBotAsync(useRedis: true);
        await SayAsync(first, "conv-two-bots", "bonjour");
        var statuses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => SayAsync(i % 2 == 0 ? first : second, "conv-two-bots", "zzz")));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var store = first.Services.GetRequiredService<IStateStore>();
        var state = DialogStateSerializer.TryDeserialize((await store.ReadAsync(first.Services.GetRequiredService<StateKeys>().Conversation("conv-two-bots"), default))!.Value)!;
        var applied = state.Active!.Values.GetInt("_misses") ?? 0;
        var busy = _connector.Activities.Count(a => a.Text?.Contains("Réessayez dans quelques secondes") == true);
        Assert.Equal(50, applied + busy);
        Figures.Report("dialogs.concurrent-turns (two bots, one Redis)", $"50 sent, {applied} applied, {busy} asked to retry");
    }

    [Fact]
    public async Task AnInterviewSurvivesARestartOfTheBotOnRedis()
    {
        await using (var before = await StartBotAsync(useRedis: true))
        {
            await SayAsync(before, "conv-durable", "bonjour");
            await SayAsync(before, "conv-durable", "infirmiere");
            Assert.Contains("d'accord", LastSaid("conv-durable"));
        }

        await using var after = await StartBotAsync(useRedis: true);
        await SayAsync(after, "conv-durable", "oui");
        Assert.Contains("Avec qui ?", LastSaid("conv-durable"));
    }

    [Fact]
    public async Task RedisStoppedMidConversationGivesAServiceMessageThenTheConversationResumes()
    {
        var logs = new CapturingLoggerProvider();
        await using var bot = await StartBotAsync(useRedis: true, logs);
        await SayAsync(bot, "conv-outage", "bonjour");
        await SayAsync(bot, "conv-outage", "as");

        await redis.StopAsync();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.OK, await SayAsync(bot, "conv-outage", "oui"));
                Assert.Contains("momentanément indisponible", LastSaid("conv-outage"));
            }
        }
        finally
        {
            await redis.StartAsync();
        }

        Assert.Single(logs.Entries, e => e.Message.StartsWith("State store unreachable"));
        var resumed = await EventuallyAsync(async () =>
        {
            await SayAsync(bot, "conv-outage", "bonjour");
            return LastSaid("conv-outage");
        }, said => !said.Contains("indisponible"));
        Assert.DoesNotContain("indisponible", resumed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task NeitherStoreKeepsWhatPeopleTyped(bool useRedis)
    {
        const string sentinel = "SENTINEL-51ab-la-maman-de-Theo";
        var conversation = $"conv-privacy-{useRedis}";
        await using var bot = await StartBotAsync(useRedis);
        foreach (var text in new[] { sentinel, $"infirmiere {sentinel}", sentinel, "oui", $"{sentinel} ecole", sentinel })
        {
            await SayAsync(bot, conversation, text);
        }

        var store = bot.Services.GetRequiredService<IStateStore>();
        var stored = await store.ReadAsync(bot.Services.GetRequiredService<StateKeys>().Conversation(conversation), default);
        Assert.NotNull(stored);
        Assert.DoesNotContain("SENTINEL", Encoding.UTF8.GetString(stored.Value));
        if (useRedis)
        {
            Assert.DoesNotContain("SENTINEL", await redis.DumpAsync());
        }
    }

    [Fact]
    public async Task StoreKeysAreKeyedDigestsUnderTheAppsPrefix()
    {
        const string conversation = "conv-keys";
        await using var bot = await StartBotAsync(useRedis: true);
        await SayAsync(bot, conversation, "bonjour");
        await SayAsync(bot, conversation, "as");

        var keys = (await redis.DumpAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('=')[0]).ToList();
        var unkeyed = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(conversation))[..18])
            .Replace('/', '_').Replace('+', '-');

        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.StartsWith("sb:local:", key));
        Assert.DoesNotContain(keys, key => key.Contains(unkeyed, StringComparison.Ordinal) || key.Contains(conversation, StringComparison.Ordinal));
        Assert.Contains(bot.Services.GetRequiredService<StateKeys>().Conversation(conversation), keys);
    }

    private static async Task<string> EventuallyAsync(Func<Task<string>> probe, Func<string, bool> done)
    {
        var last = "";
        for (var i = 0; i < 40; i++)
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }

            await Task.Delay(250);
        }

        return last;
    }
}
