using System.Diagnostics;

namespace SecretBot.Bench.Load;

/// <summary>
/// Every turn of a run: when it completed, its latencies, and every error by kind and step. Turns
/// are kept with their completion time so that the measured window is cut exactly at the end.
/// </summary>
internal sealed class TurnTally
{
    private readonly Lock _gate = new();
    private readonly List<Sample> _samples = new(capacity: 1 << 16);
    private readonly Dictionary<string, long> _errors = new(StringComparer.Ordinal);
    private long _walks;
    private long _errorCount;

    public long ErrorCount => Interlocked.Read(ref _errorCount);

    public void Turn(long completedAt, long replyMicroseconds, long responseMicroseconds)
    {
        lock (_gate)
        {
            _samples.Add(new Sample(completedAt, (int)replyMicroseconds, (int)responseMicroseconds));
        }
    }

    public void Walk() => Interlocked.Increment(ref _walks);

    public void Error(string what)
    {
        Interlocked.Increment(ref _errorCount);
        lock (_gate)
        {
            _errors[what] = _errors.GetValueOrDefault(what) + 1;
        }
    }

    public LoadResult Result(int users, long from, long until)
    {
        var reply = new List<int>();
        var response = new List<int>();
        lock (_gate)
        {
            foreach (var sample in _samples)
            {
                if (sample.CompletedAt >= from && sample.CompletedAt <= until)
                {
                    reply.Add(sample.ReplyMicroseconds);
                    response.Add(sample.ResponseMicroseconds);
                }
            }

            var seconds = (until - from) / (double)Stopwatch.Frequency;
            return new LoadResult(users, seconds, reply.Count, Interlocked.Read(ref _walks), Percentiles.Of(reply),
                Percentiles.Of(response), ErrorCount, new Dictionary<string, long>(_errors));
        }
    }

    private readonly record struct Sample(long CompletedAt, int ReplyMicroseconds, int ResponseMicroseconds);
}

/// <summary>What a run measured in its window, and every error of the whole run (warm-up included).</summary>
/// <param name="Reply">From the request sent to the bot's reply received by the connector sink.</param>
/// <param name="Response">From the request sent to the bot's HTTP response received.</param>
public sealed record LoadResult(int Users, double Seconds, long Turns, long Walks, Percentiles Reply, Percentiles Response,
    long ErrorCount, IReadOnlyDictionary<string, long> Errors)
{
    public double TurnsPerSecond => Seconds > 0 ? Turns / Seconds : 0;
}
