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
        var tally = new Tally();
        var activities = new TeamsActivities(connector.ServiceUrl);
        var steps = Walks.PoliceThenShare.Select(step => new Step(step,
            step.IsClick ? activities.Click(step.Verb!, step.Data!) : activities.Message(step.Text!), Walks.Utf8(step.Expect))).ToArray();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, UseProxy = false });
        var resendTargets = new[] { bots[0]!.MessagesUrl, bots[1]!.MessagesUrl };
        using var stop = new CancellationTokenSource(Run);
        var clock = Stopwatch.StartNew();

        var people = Enumerable.Range(0, People)
            .Select(i => new Person(i, connector, http, proxy.MessagesUrl, resendTargets, steps, tally))
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

    private sealed record Step(WalkStep Walk, ActivityTemplate Template, byte[] Expect);

    /// <summary>What all the people saw.</summary>
    private sealed class Tally
    {
        private readonly ConcurrentDictionary<int, int> _statuses = new();
        private readonly ConcurrentBag<string> _answered = [];
        private int _turns;
        private int _clicks;
        private int _lost;
        private int _unexpected;
        private int _repeatedReplies;
        private int _resends;
        private int _resendsOverlapping;
        private int _resendsAnsweredDifferently;

        public int Turns => _turns;

        public int Clicks => _clicks;

        public int Lost => _lost;

        public int Unexpected => _unexpected;

        public int RepeatedReplies => _repeatedReplies;

        public int Resends => _resends;

        public int ResendsOverlapping => _resendsOverlapping;

        public int ResendsAnsweredDifferently => _resendsAnsweredDifferently;

        public IReadOnlyDictionary<int, int> Statuses => _statuses;

        public int ServerErrors => _statuses.Where(s => s.Key >= 500).Sum(s => s.Value);

        public string StatusText => string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} × {s.Value}"));

        /// <summary>The ids of the activities answered 200.</summary>
        public IEnumerable<string> Answered => _answered;

        public void Status(int status, string activityId, bool click)
        {
            _statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            Interlocked.Increment(ref _turns);
            Interlocked.Add(ref _clicks, click ? 1 : 0);
            if (status == 200)
            {
                _answered.Add(activityId);
            }
        }

        public void Replies(int messages, bool expected, bool repeated)
        {
            Interlocked.Add(ref _lost, messages == 0 ? 1 : 0);
            Interlocked.Add(ref _unexpected, messages > 0 && !expected ? 1 : 0);
            Interlocked.Add(ref _repeatedReplies, repeated ? 1 : 0);
        }

        public void Resend(bool overlapping, bool sameAnswer)
        {
            Interlocked.Increment(ref _resends);
            Interlocked.Add(ref _resendsOverlapping, overlapping ? 1 : 0);
            Interlocked.Add(ref _resendsAnsweredDifferently, sameAnswer ? 0 : 1);
        }
    }

    /// <summary>
    /// One person in Teams, walking the interviews again and again in their own conversation through
    /// the proxy; every <see cref="ResendEvery"/>th turn is posted to one of the two instances that stay
    /// up and re-sent, same id and body, to the other. The replies are read at the connector, by the
    /// activity they answer.
    /// </summary>
    private sealed class Person(int index, LocalConnector connector, HttpClient http, Uri proxy, Uri[] resendTargets, Step[] steps,
        Tally tally) : IReplyListener
    {
        private readonly ConcurrentDictionary<string, Replies> _replies = new(StringComparer.Ordinal);
        private readonly string?[] _slots = new string?[Enum.GetValues<Slot>().Length];
        private int _conversations;
        private int _turn;
        private string? _cardId;

        public async Task WalkAsync(CancellationToken stop)
        {
            _slots[(int)Slot.UserId] = $"29:scale-user-{index}";
            StartConversation();
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    foreach (var step in steps)
                    {
                        if (stop.IsCancellationRequested || !await TakeTurnAsync(step))
                        {
                            StartConversation();
                            break;
                        }
                    }
                }
            }
            finally
            {
                connector.Forget(_slots[(int)Slot.ConversationId]!);
            }
        }

        public void OnActivity(bool isUpdate, ReadOnlySpan<byte> body, long receivedAt, string returnedId)
        {
            if (isUpdate || body.IndexOf("\"type\":\"typing\""u8) >= 0 || ReplyTo(body) is not { } activityId)
            {
                return;
            }

            var replies = _replies.GetOrAdd(activityId, _ => new Replies());
            var text = System.Text.Encoding.UTF8.GetString(body);
            lock (replies)
            {
                replies.Repeated |= !replies.Bodies.Add(text);
                replies.LastId = returnedId;
            }
        }

        private async Task<bool> TakeTurnAsync(Step step)
        {
            var activityId = Guid.NewGuid().ToString();
            _slots[(int)Slot.ActivityId] = activityId;
            _slots[(int)Slot.Timestamp] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
            _slots[(int)Slot.ReplyToId] = step.Walk.IsClick ? _cardId : null;
            var body = step.Template.Render(_slots);

            var (status, answer) = ++_turn % ResendEvery == 0 ? await PostTwiceAsync(body) : await PostAsync(proxy, body);
            tally.Status(status, activityId, step.Walk.IsClick);
            if (status != 200)
            {
                return false;
            }

            var replies = _replies.TryRemove(activityId, out var seen) ? seen : new Replies();
            lock (replies)
            {
                var expected = replies.Bodies.Any(reply => System.Text.Encoding.UTF8.GetBytes(reply).AsSpan().IndexOf(step.Expect) >= 0);
                tally.Replies(replies.Bodies.Count, expected, replies.Repeated);
                _cardId = replies.LastId ?? _cardId;
                return replies.Bodies.Count > 0 && expected && (!step.Walk.IsClick || answer.Contains("\"statusCode\":200", StringComparison.Ordinal));
            }
        }

        /// <summary>
        /// The turn posted to one instance and re-sent to the other: every other time within 20 ms
        /// (the first is usually still running: the turn order holds the re-send until the ledger has
        /// the answer), otherwise once the first was answered (the ledger alone).
        /// </summary>
        private async Task<(int Status, string Answer)> PostTwiceAsync(byte[] body)
        {
            var first = Random.Shared.Next(2);
            var firstPost = PostAsync(resendTargets[first], body);
            if (_turn / ResendEvery % 2 == 0)
            {
                await Task.Delay(Random.Shared.Next(0, 20));
            }
            else
            {
                await firstPost;
            }

            var overlapping = !firstPost.IsCompleted;
            var (resentStatus, resentAnswer) = await PostAsync(resendTargets[1 - first], body);
            var (status, answer) = await firstPost;
            tally.Resend(overlapping, resentStatus == status && resentAnswer == answer);
            return status != 200 ? (status, answer) : (resentStatus, resentAnswer);
        }

        private async Task<(int Status, string Answer)> PostAsync(Uri url, byte[] body)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
            try
            {
                using var response = await http.PostAsync(url, content);
                return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
            }
            catch (HttpRequestException)
            {
                // No HTTP answer at all: what the proxy is there to spare the channel.
                return (0, "");
            }
        }

        private void StartConversation()
        {
            if (_slots[(int)Slot.ConversationId] is { } previous)
            {
                connector.Forget(previous);
            }

            _slots[(int)Slot.ConversationId] = $"a:scale-{index}-{_conversations++}";
            _cardId = null;
            connector.Listen(_slots[(int)Slot.ConversationId]!, this);
        }

        private static string? ReplyTo(ReadOnlySpan<byte> body)
        {
            var marker = "\"replyToId\":\""u8;
            var at = body.IndexOf(marker);
            if (at < 0)
            {
                return null;
            }

            var rest = body[(at + marker.Length)..];
            return System.Text.Encoding.UTF8.GetString(rest[..rest.IndexOf((byte)'"')]);
        }

        private sealed class Replies
        {
            public HashSet<string> Bodies { get; } = new(StringComparer.Ordinal);

            public bool Repeated { get; set; }

            public string? LastId { get; set; }
        }
    }
}
