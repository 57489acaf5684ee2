using Microsoft.Extensions.Logging;
using SecretBot.Bot.Tests.Conversations;
using SecretBot.Testing;
using SecretBot.Knowledge.Tests;

namespace SecretBot.Bot.Tests.Hardening;

/// <summary>
/// Many people walking interviews at once while the connector fails transiently
/// (<see cref="TransientFaults"/>): every reply is delivered exactly once and in order within the
/// retry budget. A lost answer (Teams got the message, the bot never heard so) is the one case
/// that duplicates, and is measured, not hidden.
/// </summary>
public sealed class ConnectorFaultTests : IAsyncLifetime
{
    private const int Retries = 4;
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);
    private readonly CapturingLoggerProvider _logs = new();
    private LocalConnector _connector = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:Language"] = "fr",
            ["Connector:MaxAttempts"] = (Retries + 1).ToString(),
            ["Connector:FirstRetryDelay"] = "00:00:00.050",
            // Far above a loopback answer even on a busy machine, so that only the hung attempts time out.
            ["Connector:AttemptTimeout"] = "00:00:03",
            ["Connector:TotalTimeout"] = "00:00:30",
        }, logs: _logs);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task WithThirtyPercentOfCallsFailingEveryReplyArrivesExactlyOnceAndInOrder()
    {
        var faults = new TransientFaults(transientShare: 0.3, lostAnswerShare: 0, Retries, Hang, seed: 30);
        var cases = KnowledgeCase.LoadAll(RealKnowledge.CasesDirectory);
        var walks = Enumerable.Range(0, 24).Select(i => cases[i * cases.Count / 24]).ToList();
        var users = walks.Select((c, i) => new TeamsUser(_bot, _connector, $"faults-{i}", InterviewWalk.LocaleOf(c))).ToList();

        _connector.FaultPlan = faults.Next;
        // Each walk checks, turn by turn, that the expected card (and only it) arrived.
        await Task.WhenAll(users.Select((user, i) => InterviewWalk.WalkAsync(user, walks[i], (Clicks)(i % 3))));
        _connector.FaultPlan = null;

        var delivered = 0;
        foreach (var user in users)
        {
            var posts = Posts(user);
            delivered += posts.Count;
            Assert.Empty(Duplicates(posts));
            var turnIndexes = posts.Select(p => user.Sent.ToList().IndexOf((string)p.Body!["replyToId"]!)).ToList();
            Assert.Equal(turnIndexes.Order(), turnIndexes);
        }

        Figures.Report("hardening.connector-faults",
            $"{users.Count} interviews in parallel; {faults}; {delivered} messages delivered, 0 duplicates, 0 out of order");
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Warning);
        Assert.InRange(faults.Injected, faults.Calls / 5, faults.Calls / 2);
    }

    [Fact]
    public async Task AnAnswerLostAfterDeliveryIsTheOnlyDuplicateOnePerLostAnswer()
    {
        var faults = new TransientFaults(transientShare: 0, lostAnswerShare: 0.1, Retries, Hang, seed: 10);
        var users = Enumerable.Range(0, 12).Select(i => new TeamsUser(_bot, _connector, $"lost-{i}")).ToList();

        _connector.FaultPlan = faults.Next;
        await Task.WhenAll(users.Select(async user =>
        {
            foreach (var text in new[] { "bonjour", "aide", "annuler", "un policier m'appelle pour l'adresse d'un jeune", "recommencer" })
            {
                await user.SayAsync(text);
            }
        }));
        _connector.FaultPlan = null;

        var posts = users.SelectMany(Posts).ToList();
        var duplicates = Duplicates(posts).Sum(group => group.Count() - 1);
        Figures.Report("hardening.connector-lost-answers",
            $"{faults}; {posts.Count} messages delivered of which {duplicates} duplicates ({100.0 * duplicates / posts.Count:F1} %)");
        Assert.Equal(faults.MessageAnswersLost, duplicates);
        Assert.True(duplicates > 0, "no answer was lost: nothing was measured");
    }

    /// <summary>The messages delivered to this user's conversation (card updates apart).</summary>
    private static List<ConnectorRequest> Posts(TeamsUser user) => user.Delivered().Where(a => a.Method == "POST").ToList();

    private static IEnumerable<IGrouping<string, ConnectorRequest>> Duplicates(IEnumerable<ConnectorRequest> posts) =>
        posts.GroupBy(p => p.RawPath + "\n" + p.Body!.ToJsonString()).Where(group => group.Count() > 1);
}
