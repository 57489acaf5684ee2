using System.Diagnostics;
using System.Net;
using SecretBot.Bench.Hosting;
using SecretBot.Bench.Peers;

namespace SecretBot.Bench.Load;

/// <summary>A step ready to send: the activity template and the fragment the reply must contain.</summary>
internal sealed record PreparedStep(WalkStep Step, ActivityTemplate Template, byte[] Expect);

/// <summary>Shared by the people of one run: when to stop, how many walks are left, how fast to go.</summary>
internal sealed class LoadControl(LoadPlan plan)
{
    private long _walksStarted;

    public string RunId { get; } = Guid.NewGuid().ToString("N")[..8];

    public volatile bool Stopping;

    /// <summary>Stopwatch ticks between two turns of one person; 0 when unpaced.</summary>
    public long TurnInterval { get; } = plan.TurnsPerSecond > 0 ? (long)(plan.Users * Stopwatch.Frequency / plan.TurnsPerSecond) : 0;

    public bool TryStartWalk() => plan.WalkLimit == 0 || Interlocked.Increment(ref _walksStarted) <= plan.WalkLimit;
}

/// <summary>
/// Drives the bot over real HTTP on loopback: one pooled HttpClient with a connection per person,
/// activities as Teams shapes them, replies checked at the connector sink.
/// </summary>
public sealed class LoadGenerator : IDisposable
{
    private readonly Uri _messagesUrl;
    private readonly string? _authorization;
    private readonly TeamsActivities _activities;
    private readonly bool _floor;

    /// <param name="floor">The bot runs <see cref="FloorHandler"/>: every reply is its one small message.</param>
    /// <param name="bearerToken">The channel token to send (auth mode), or null.</param>
    public LoadGenerator(Uri botBaseUrl, LocalConnector sink, bool floor, string? bearerToken)
    {
        _messagesUrl = new Uri(botBaseUrl, "api/messages");
        _authorization = bearerToken is null ? null : "Bearer " + bearerToken;
        _activities = new TeamsActivities(sink.ServiceUrl);
        _floor = floor;
        Sink = sink;
        Http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 4096,
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        }) { Timeout = TimeSpan.FromSeconds(30) };
    }

    internal HttpClient Http { get; }

    internal LocalConnector Sink { get; }

    public RunningLoad Start(LoadPlan plan)
    {
        var steps = plan.Steps.Select(Prepare).ToArray();
        var control = new LoadControl(plan);
        var tally = new TurnTally();
        var captured = plan.Capture ? new List<CapturedReply>() : null;
        var users = Enumerable.Range(0, plan.Users)
            .Select(i => new SimulatedUser(i, this, plan, steps, control, tally, captured))
            .ToArray();
        return new RunningLoad(plan, control, tally, users, captured);
    }

    public void Dispose() => Http.Dispose();

    internal HttpRequestMessage Request(byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _messagesUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        if (_authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        }

        return request;
    }

    private PreparedStep Prepare(WalkStep step) => new(step,
        step.IsClick ? _activities.Click(step.Verb!, step.Data!) : _activities.Message(step.Text!),
        Walks.Utf8(_floor ? $"\"text\":\"{FloorHandler.ReplyText}\"" : step.Expect));
}

/// <summary>A run under way: mark the measured window, then stop it for its figures.</summary>
public sealed class RunningLoad
{
    private readonly LoadPlan _plan;
    private readonly LoadControl _control;
    private readonly TurnTally _tally;
    private readonly List<CapturedReply>? _captured;
    private readonly Task _users;
    private long _from = Stopwatch.GetTimestamp();
    private long _until = long.MaxValue;

    internal RunningLoad(LoadPlan plan, LoadControl control, TurnTally tally, SimulatedUser[] users, List<CapturedReply>? captured)
    {
        (_plan, _control, _tally, _captured) = (plan, control, tally, captured);
        _users = Task.WhenAll(users.Select(user => Task.Run(user.RunAsync)));
    }

    /// <summary>Every person has finished (a walk-limited run), or failed for good.</summary>
    public Task Completion => _users;

    public IReadOnlyList<CapturedReply> Captured => _captured ?? [];

    /// <summary>Turns completed from now on are measured (what came before was warm-up).</summary>
    public void BeginMeasure() => _from = Stopwatch.GetTimestamp();

    /// <summary>Turns completed from now on are not measured any more.</summary>
    public void EndMeasure() => _until = Stopwatch.GetTimestamp();

    /// <summary>Lets the turns in flight finish, then returns the window's figures and all the run's errors.</summary>
    public async Task<LoadResult> StopAsync()
    {
        _control.Stopping = true;
        await _users;
        if (_until == long.MaxValue)
        {
            EndMeasure();
        }

        return _tally.Result(_plan.Users, _from, _until);
    }
}
