using System.Text.Json.Nodes;
using SecretBot.Testing;

namespace SecretBot.Bot.Tests.Hardening;

/// <summary>
/// A fault plan for the local connector (<see cref="LocalConnector.FaultPlan"/>): a share of the
/// connector calls fails transiently, as Teams does under load: 429 with Retry-After, 503, or an
/// attempt that hangs until the bot's per-attempt timeout cuts it. A hung attempt is dropped, never
/// received, so every reply can be counted exactly. Separately, a share of the calls can lose their
/// answer: received, but the bot never hears so, and retries (Teams has no idempotency key, so that
/// retry is a duplicate the user sees). A call is the same call across its retries (method, path,
/// body), and no call fails more often in a row than the bot retries: every reply fits the budget.
/// </summary>
public sealed class TransientFaults(double transientShare, double lostAnswerShare, int retries, TimeSpan hang, int seed)
{
    private readonly Random _random = new(seed);
    private readonly Dictionary<string, int> _failuresInARow = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public int Calls { get; private set; }

    public int TooManyRequests { get; private set; }

    public int Unavailable { get; private set; }

    public int Hung { get; private set; }

    /// <summary>Message posts (not typing, not updates) delivered whose answer was lost: each one a duplicate to expect.</summary>
    public int MessageAnswersLost { get; private set; }

    public int Injected => TooManyRequests + Unavailable + Hung + MessageAnswersLost;

    public Fault? Next(string call, JsonNode? body)
    {
        var key = call + "\n" + body?.ToJsonString();
        lock (_gate)
        {
            Calls++;
            var inARow = _failuresInARow.GetValueOrDefault(key);
            var roll = _random.NextDouble();
            if (inARow >= retries || roll >= transientShare + lostAnswerShare)
            {
                _failuresInARow.Remove(key);
                return null;
            }

            _failuresInARow[key] = inARow + 1;
            if (roll < lostAnswerShare)
            {
                MessageAnswersLost += call.StartsWith("POST ", StringComparison.Ordinal) && (string?)body?["type"] == "message" ? 1 : 0;
                return new Fault(201, Delay: hang, Delivered: true);
            }

            switch (_random.Next(3))
            {
                case 0:
                    TooManyRequests++;
                    return new Fault(429, RetryAfterSeconds: 1);
                case 1:
                    Unavailable++;
                    return new Fault(503);
                default:
                    Hung++;
                    return new Fault(503, Delay: hang);
            }
        }
    }

    public override string ToString() =>
        $"{Calls} connector calls, {TooManyRequests} × 429 with Retry-After, {Unavailable} × 503, {Hung} hung attempts cut by the bot's timeout, " +
        $"{MessageAnswersLost} message answers lost";
}
