using System.Collections.Concurrent;
using SecretBot.Bench.Load;

namespace SecretBot.Bot.Tests.Scaling;

/// <summary>A step of the bench's walk, ready to send, and the fragment of JSON its reply must contain.</summary>
internal sealed record ScaleOutStep(WalkStep Walk, ActivityTemplate Template, byte[] Expect);

/// <summary>What all the people of the scale-out test saw.</summary>
internal sealed class ScaleOutTally
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
/// the proxy; every <paramref name="resendEvery"/>th turn is posted to one of the two instances that stay
/// up and re-sent, same id and body, to the other. The replies are read at the connector, by the
/// activity they answer.
/// </summary>
internal sealed class ScaleOutPerson(int index, LocalConnector connector, HttpClient http, Uri proxy, Uri[] resendTargets, int resendEvery,
    ScaleOutStep[] steps, ScaleOutTally tally) : IReplyListener
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

    private async Task<bool> TakeTurnAsync(ScaleOutStep step)
    {
        var activityId = Guid.NewGuid().ToString();
        _slots[(int)Slot.ActivityId] = activityId;
        _slots[(int)Slot.Timestamp] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        _slots[(int)Slot.ReplyToId] = step.Walk.IsClick ? _cardId : null;
        var body = step.Template.Render(_slots);

        var (status, answer) = ++_turn % resendEvery == 0 ? await PostTwiceAsync(body) : await PostAsync(proxy, body);
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
        if (_turn / resendEvery % 2 == 0)
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
