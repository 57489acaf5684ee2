using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SecretBot.Bot.Tests.Conversations;
using SecretBot.Testing;
using SecretBot.Dialogs.State;
using SecretBot.Protocol.Configuration;
using SecretBot.Conversations.Preferences;
using SecretBot.Conversations.Turns;

namespace SecretBot.Bot.Tests.Privacy;

/// <summary>
/// The privacy leak scan: the whole conversation corpus (every labelled routing message, every
/// knowledge case walked question by question, the commands, the search box, the référents and the
/// feedback buttons) is played with a unique sentinel in every free text a person can send — the
/// message, the display name, garbage replies, extra card values, search words. Afterwards the
/// captured logs (every level, scopes included), every metric measurement of the process, and the
/// whole state store (memory, or a dump of the real Redis server) must hold none of them.
/// </summary>
[Trait("Category", "Privacy")]
public sealed class PrivacyLeakScanTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Theory]
    [InlineData("Memory")]
    [InlineData("Redis")]
    public async Task NothingPeopleTypeReachesLogsMetricsOrState(string provider)
    {
        var logs = new CapturingLoggerProvider();
        using var metrics = new MetricsRecorder();
        await using var connector = await LocalConnector.StartAsync();
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:Language"] = "fr",
            ["State:Provider"] = provider,
            ["State:Redis"] = provider == "Redis" ? redis.ConnectionString : "",
            ["Escalation:ChannelId"] = "19:referents@thread.tacv2",
            ["Escalation:ChannelName"] = "Référents",
            ["Escalation:TenantId"] = Activities.RecordedTenant,
        }, logs: logs);

        var corpus = new SentinelCorpus(bot, connector);
        await corpus.PlayAsync();

        var state = provider == "Redis" ? await redis.DumpAsync() : MemoryDump(bot);
        Figures.Report($"privacy.leakScan.{provider}",
            $"{corpus.Sentinels} sentinels in {corpus.Turns} turns; scanned {logs.Entries.Count} log entries, " +
            $"{metrics.Measurements.Count} measurements, {state.Length} characters of state");
        Assert.True(corpus.Turns > 1_000, $"only {corpus.Turns} turns were played");
        // Every turn's own log line is there to scan (TurnProcessor, event 100): the scan reads what the bot really logs.
        var turnLines = logs.Entries.Count(e => e.EventId == 100 && e.Category.EndsWith("TurnProcessor", StringComparison.Ordinal));
        Assert.True(turnLines >= corpus.Turns, $"{turnLines} turn log lines for {corpus.Turns} turns: the scan would prove too little");
        Assert.True(state.Length > 0, "the store is empty: the scan would prove nothing");
        AssertNoSentinel("the logs", logs.AllText);
        AssertNoSentinel("the metrics", metrics.AllText);
        AssertNoSentinel($"the {provider} store", state);
    }

    [Theory]
    [InlineData("Turn message outcome=handled text=LEAKSCAN-0001-abc")]
    [InlineData("normalised: ecole leakscan-0001-abc theo")]
    public void TheScanSeesASentinelEvenFolded(string leaked) =>
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertNoSentinel("a sample", leaked));

    private static string MemoryDump(BotHost bot)
    {
        var store = Assert.IsType<MemoryStateStore>(bot.Services.GetRequiredService<IStateStore>());
        return string.Join('\n', store.Entries.Select(entry => $"{entry.Key}={Encoding.UTF8.GetString(entry.Item.Value)}"));
    }

    private static void AssertNoSentinel(string where, string text)
    {
        // Case-insensitive: the router lower-cases and strips what it reads; a folded copy is a leak too.
        var at = text.IndexOf(SentinelCorpus.Marker, StringComparison.OrdinalIgnoreCase);
        if (at >= 0)
        {
            var from = Math.Max(0, at - 120);
            Assert.Fail($"{where} hold typed text: …{text.Substring(from, Math.Min(240, text.Length - from))}…");
        }
    }
}
