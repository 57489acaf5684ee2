using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SecretBot.Bench.Load;
using SecretBot.Protocol.Schema;
using SecretBot.Protocol.Turns;

namespace SecretBot.Bot.Tests.Scaling;

/// <summary>
/// Several instances behave as one (issue 17, item 5): three instances of the real bot behind a
/// round-robin reverse proxy (<see cref="LocalProxy"/>) on one real redis-server, 100 people walking
/// the bench's interviews (messages and card clicks) without pause. One instance is stopped mid-run,
/// as an orchestrator stops it (no new connection; the turns under way drained), and started again
/// on its address; some turns are exact re-sends (same activity id) posted to a second instance,
/// at once or just after the first. Every turn answered 200 got its replies, the handler ran once
/// per activity (re-sends included), each re-send got the first answer back, and nothing answered 5xx.
/// </summary>
[Trait("Category", "ScaleOut")]
public sealed class ScaleOutTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const int People = 100;
    private const int Instances = 3;

    /// <summary>The instance stopped and started again; the re-sends go between the two others, which stay up.</summary>
    private const int Stopped = 2;

    private const int ResendEvery = 9;

    private static readonly TimeSpan Run = TimeSpan.FromSeconds(12);

    [Fact]
    public async Task ThreeInstancesAnswerEveryTurnOnceThroughAStopAndARestart()
    {
        await using var connector = await LocalConnector.StartAsync(record: false);
        var handled = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var ports = Enumerable.Range(0, Instances).Select(_ => FreePort.Next()).ToArray();
        var bots = new BotHost?[Instances];
        try
        {
            for (var i = 0; i < Instances; i++)
            {
                bots[i] = await StartInstanceAsync(ports[i], handled);
            }

            await PlayAsync(connector, bots, ports, handled);
        }
        finally
        {
            foreach (var bot in bots.OfType<BotHost>())
            {
                await bot.DisposeAsync();
            }
        }
    }

    private async Task PlayAsync(LocalConnector connector, BotHost?[] bots, int[] ports, ConcurrentDictionary<string, int> handled)
    {

        await using var proxy = await LocalProxy.StartAsync(bots.Select(bot => bot!.BaseUrl).ToList());
        var tally = new ScaleOutTally();
        var activities = new TeamsActivities(connector.ServiceUrl);
        var steps = Walks.PoliceThenShare.Select(step => new ScaleOutStep(step,
            step.IsClick ? activities.Click(step.Verb!, step.Data!) : activities.Message(step.Text!), Walks.Utf8(step.Expect))).ToArray();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, UseProxy = false });
        var resendTargets = new[] { bots[0]!.MessagesUrl, bots[1]!.MessagesUrl };
        using var stop = new CancellationTokenSource(Run);
        var clock = Stopwatch.StartNew();

        var people = Enumerable.Range(0, People)
            .Select(i => new ScaleOutPerson(i, connector, http, proxy.MessagesUrl, resendTargets, ResendEvery, steps, tally))
            .Select(person => Task.Run(() => person.WalkAsync(stop.Token)))
            .ToList();

        await Task.Delay(Run * 0.3);
        await bots[Stopped]!.DisposeAsync();
        bots[Stopped] = null;
        var stoppedAt = clock.Elapsed;
        var answeredBeforeRestart = proxy.Answered.GetValueOrDefault($"bot-{Stopped}");
        await Task.Delay(Run * 0.25);
        bots[Stopped] = await StartInstanceAsync(ports[Stopped], handled);
        var restartedAt = clock.Elapsed;
        await Task.WhenAll(people);
        var answeredAfterRestart = proxy.Answered.GetValueOrDefault($"bot-{Stopped}") - answeredBeforeRestart;

        var handledTwice = tally.Answered.Count(id => handled.GetValueOrDefault(id) > 1);
        var neverHandled = tally.Answered.Count(id => handled.GetValueOrDefault(id) == 0);
        Figures.Report("scaling.scaleOut",
            $"{Instances} instances behind a round-robin proxy, one redis-server, {People} people for {Run.TotalSeconds:F0} s: " +
            $"{tally.Turns} turns ({tally.Clicks} clicks), statuses {tally.StatusText}, 5xx {tally.ServerErrors}, " +
            $"lost {tally.Lost}, without the expected card {tally.Unexpected}, duplicated {handledTwice + tally.RepeatedReplies}, " +
            $"re-sends to another instance {tally.Resends} ({tally.ResendsOverlapping} while the first was running), " +
            $"with another answer {tally.ResendsAnsweredDifferently}; instance {Stopped} stopped at {stoppedAt.TotalSeconds:F1} s, " +
            $"restarted at {restartedAt.TotalSeconds:F1} s, answered {answeredAfterRestart} requests after; proxy retries {proxy.Retried}; " +
            $"answered per instance {string.Join(", ", proxy.Answered.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))}");

        Assert.True(tally.Turns > 1_000, $"only {tally.Turns} turns were played");
        Assert.True(tally.Resends > 20, $"only {tally.Resends} re-sends");
        Assert.Equal(0, tally.ServerErrors);
        Assert.Equal([200], tally.Statuses.Keys);
        Assert.Equal(0, tally.Lost);
        Assert.Equal(0, tally.Unexpected);
        Assert.Equal(0, handledTwice);
        Assert.Equal(0, neverHandled);
        Assert.Equal(0, tally.RepeatedReplies);
        Assert.Equal(0, tally.ResendsAnsweredDifferently);
        Assert.True(answeredAfterRestart > 0, "the restarted instance was never given a request again");
        Assert.Equal(0, connector.Unmatched);
    }

    /// <summary>One instance of the real bot on its own port, sharing Redis and the digest key with the others; its handler counts each activity it runs.</summary>
    private async Task<BotHost> StartInstanceAsync(int port, ConcurrentDictionary<string, int> handled) =>
        await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:Language"] = "fr",
            ["Bot:DefaultJurisdiction"] = "BE",
            ["State:Provider"] = "Redis",
            ["State:Redis"] = redis.ConnectionString,
            ["Privacy:DigestKey"] = TestDigests.Setting,
            ["Logging:LogLevel:Default"] = "Warning",
        }, port: port, replaceServices: services =>
        {
            var real = services.Last(d => d.ServiceType == typeof(ITurnHandler));
            services.AddSingleton<ITurnHandler>(provider => new CountingHandler((ITurnHandler)(real.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, real.ImplementationType!)), handled));
        });

    private sealed class CountingHandler(ITurnHandler inner, ConcurrentDictionary<string, int> handled) : ITurnHandler
    {
        public Task<InvokeResponse?> OnTurnAsync(ActivityTurn turn, CancellationToken cancellationToken)
        {
            handled.AddOrUpdate(turn.Activity.Id!, 1, (_, n) => n + 1);
            return inner.OnTurnAsync(turn, cancellationToken);
        }

        public Task OnTurnErrorAsync(ActivityTurn turn, CancellationToken cancellationToken) => inner.OnTurnErrorAsync(turn, cancellationToken);
    }
}
