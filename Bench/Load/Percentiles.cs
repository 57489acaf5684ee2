using System.Diagnostics;

namespace SecretBot.Bench.Load;

/// <summary>Latency percentiles in milliseconds (nearest-rank) over <see cref="Count"/> samples.</summary>
public sealed record Percentiles(long Count, double P50, double P95, double P99, double Max)
{
    public static Percentiles Empty { get; } = new(0, 0, 0, 0, 0);

    public static long Microseconds(long stopwatchTicks) => stopwatchTicks * 1_000_000 / Stopwatch.Frequency;

    public static Percentiles Of(List<int> microseconds)
    {
        if (microseconds.Count == 0)
        {
            return Empty;
        }

        microseconds.Sort();
        return new Percentiles(microseconds.Count, Rank(microseconds, 0.50), Rank(microseconds, 0.95),
            Rank(microseconds, 0.99), microseconds[^1] / 1000.0);
    }

    private static double Rank(List<int> sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)] / 1000.0;
}
