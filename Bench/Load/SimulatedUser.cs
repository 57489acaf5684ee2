using System.Diagnostics;
using System.Globalization;
using SecretBot.Bench.Peers;

namespace SecretBot.Bench.Load;

/// <summary>
/// One person in Teams: walks the plan's steps in their own conversation, one turn at a time, with
/// no think time (or paced, for the soak). A turn counts only when the bot answered 200 and the
/// connector sink got the reply with the fragment the step expects; anything else is an error, and
/// the person starts again in a new conversation.
/// </summary>
internal sealed class SimulatedUser(int index, LoadGenerator generator, LoadPlan plan, PreparedStep[] steps,
    LoadControl control, TurnTally tally, List<CapturedReply>? captured) : IReplyListener
{
    private readonly Lock _gate = new();
    private readonly string?[] _slots = new string?[Enum.GetValues<Slot>().Length];
    private int _conversations;
    private string _conversationId = "";
    private string? _cardId;
    private long _nextTurnAt;

    // The turn in flight, written by the sink's thread.
    private PreparedStep? _awaiting;
    private long _replyAt;
    private bool _expectedSeen;
    private int _messages;
    private string? _lastMessageId;

    public async Task RunAsync()
    {
        _slots[(int)Slot.UserId] = $"29:bench-user-{index}";
        _nextTurnAt = Stopwatch.GetTimestamp() + control.TurnInterval * index / Math.Max(1, plan.Users);
        StartConversation();
        try
        {
            while (!control.Stopping && control.TryStartWalk())
            {
                var walked = await WalkAsync();
                if (walked)
                {
                    tally.Walk();
                }

                if (!walked || plan.NewConversationEachWalk)
                {
                    StartConversation();
                }
            }
        }
        finally
        {
            generator.Sink.Forget(_conversationId);
        }
    }

    public void OnActivity(bool isUpdate, ReadOnlySpan<byte> body, long receivedAt, string returnedId)
    {
        // The typing indicator of a slow turn is a courtesy, not the reply.
        if (body.IndexOf("\"type\":\"typing\""u8) >= 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_awaiting is not { } step)
            {
                return;
            }

            if (captured is not null)
            {
                lock (captured)
                {
                    captured.Add(new CapturedReply(index, step.Step.Name, isUpdate, body.ToArray()));
                }
            }

            if (isUpdate)
            {
                return;
            }

            _messages++;
            _replyAt = _replyAt == 0 ? receivedAt : _replyAt;
            _lastMessageId = returnedId;
            _expectedSeen |= body.IndexOf(step.Expect) >= 0;
        }
    }

    private async Task<bool> WalkAsync()
    {
        foreach (var step in steps)
        {
            if (control.Stopping)
            {
                return false;
            }

            await PaceAsync();
            if (!await TakeTurnAsync(step))
            {
                return false;
            }
        }

        return true;
    }

    private async Task<bool> TakeTurnAsync(PreparedStep step)
    {
        _slots[(int)Slot.ActivityId] = Guid.NewGuid().ToString();
        _slots[(int)Slot.Timestamp] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        _slots[(int)Slot.ReplyToId] = step.Step.IsClick ? _cardId : null;
        var body = step.Template.Render(_slots);
        lock (_gate)
        {
            (_awaiting, _replyAt, _expectedSeen, _messages, _lastMessageId) = (step, 0, false, 0, null);
        }

        var sent = Stopwatch.GetTimestamp();
        int status;
        var invokeAnswered = true;
        try
        {
            using var request = generator.Request(body);
            using var response = await generator.Http.SendAsync(request);
            status = (int)response.StatusCode;
            if (step.Step.IsClick)
            {
                var answer = await response.Content.ReadAsByteArrayAsync();
                invokeAnswered = answer.AsSpan().IndexOf("\"statusCode\":200"u8) >= 0;
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            return Failed(step, $"no HTTP answer ({exception.GetType().Name})");
        }

        var answered = Stopwatch.GetTimestamp();
        long replyAt;
        bool expectedSeen;
        int messages;
        lock (_gate)
        {
            (replyAt, expectedSeen, messages, _cardId) = (_replyAt, _expectedSeen, _messages, _lastMessageId ?? _cardId);
            _awaiting = null;
        }

        var error = status != 200 ? $"HTTP {status}"
            : !invokeAnswered ? "invoke answer without statusCode 200"
            : messages == 0 ? "no reply at the connector"
            : !expectedSeen ? "reply without the expected card"
            : null;
        if (error is not null)
        {
            return Failed(step, error);
        }

        tally.Turn(answered, Percentiles.Microseconds(replyAt - sent), Percentiles.Microseconds(answered - sent));
        return true;
    }

    private bool Failed(PreparedStep step, string what)
    {
        lock (_gate)
        {
            _awaiting = null;
        }

        tally.Error($"{what} at {step.Step.Name}");
        return false;
    }

    private async Task PaceAsync()
    {
        if (control.TurnInterval == 0)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        // Late by more than a few turns (the bot was slow): pick up from now rather than burst.
        _nextTurnAt = Math.Max(_nextTurnAt + control.TurnInterval, now - 4 * control.TurnInterval);
        if (_nextTurnAt > now)
        {
            await Task.Delay(TimeSpan.FromTicks((_nextTurnAt - now) * TimeSpan.TicksPerSecond / Stopwatch.Frequency));
        }
    }

    private void StartConversation()
    {
        generator.Sink.Forget(_conversationId);
        _conversationId = $"a:bench-{control.RunId}-{index}-{_conversations++}";
        _slots[(int)Slot.ConversationId] = _conversationId;
        _cardId = null;
        generator.Sink.Listen(_conversationId, this);
    }
}
