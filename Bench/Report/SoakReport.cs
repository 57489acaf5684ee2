using System.Globalization;
using System.Text.Json;
using SecretBot.Bench.Load;

namespace SecretBot.Bench.Report;

/// <summary>The bot's memory at one moment of the soak; the heap is measured after a full compacting collection.</summary>
public sealed record MemorySample(double Seconds, long HeapBytes, long WorkingSetBytes, int StoredEntries);

/// <summary>A straight line through a half of the samples, in megabytes per minute.</summary>
public sealed record Slope(double HeapMegabytesPerMinute, double WorkingSetMegabytesPerMinute, double MeanHeapMegabytes);

/// <summary>What a soak measured, and whether memory stayed flat once conversations expired.</summary>
public sealed record SoakReport(
    DateTimeOffset StartedAt,
    MachineInfo Machine,
    int Minutes,
    double TurnsPerSecondTarget,
    double? MeasuredCapacity,
    string ConversationTtl,
    LoadResult Load,
    IReadOnlyList<MemorySample> Samples,
    Slope FirstHalf,
    Slope SecondHalf,
    bool Flat,
    string FlatRule,
    long ErrorCount)
{
    /// <summary>Flat: over the second half the live heap grows less than 1 MB a minute, or less than 1 % of itself a minute.</summary>
    public const string Rule = "second-half heap slope ≤ max(1 MB/min, 1 % of the second-half mean heap per minute)";

    public static SoakReport From(DateTimeOffset startedAt, MachineInfo machine, int minutes, double rate, double? capacity,
        TimeSpan ttl, LoadResult load, List<MemorySample> samples, long unmatched)
    {
        var half = samples.Count / 2;
        var first = Fit(samples.Take(half).ToList());
        var second = Fit(samples.Skip(half).ToList());
        var flat = samples.Count >= 4 && second.HeapMegabytesPerMinute <= Math.Max(1, second.MeanHeapMegabytes * 0.01);
        return new SoakReport(startedAt, machine, minutes, rate, capacity, ttl.ToString("c"), load, samples, first, second, flat, Rule,
            load.ErrorCount + unmatched);
    }

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, BenchReport.Json) + "\n");

    public static void Print(SoakReport report, TextWriter output)
    {
        var load = report.Load;
        var last = report.Samples.LastOrDefault();
        output.WriteLine();
        output.WriteLine($"SecretBot soak — {report.StartedAt:yyyy-MM-dd HH:mm} UTC, {report.Machine.Cores} cores, load average at start {report.Machine.LoadAverageAtStart}");
        var capacity = report.MeasuredCapacity is { } c ? string.Create(CultureInfo.InvariantCulture, $" (half of a measured {c:N0})") : "";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Minutes} min at {report.TurnsPerSecondTarget:N0} turns/s target{capacity}, conversation TTL {report.ConversationTtl}: " +
            $"{load.TurnsPerSecond:N0} turns/s done, {load.Walks:N0} walks (one conversation each), " +
            $"p50 {load.Reply.P50:N1} ms, p99 {load.Reply.P99:N1} ms, max {load.Reply.Max:N1} ms"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory: first half heap {report.FirstHalf.HeapMegabytesPerMinute:+0.00;-0.00} MB/min, working set {report.FirstHalf.WorkingSetMegabytesPerMinute:+0.00;-0.00} MB/min; " +
            $"second half heap {report.SecondHalf.HeapMegabytesPerMinute:+0.00;-0.00} MB/min (mean {report.SecondHalf.MeanHeapMegabytes:N1} MB), " +
            $"working set {report.SecondHalf.WorkingSetMegabytesPerMinute:+0.00;-0.00} MB/min"));
        if (last is not null)
        {
            output.WriteLine($"at the end: heap {ReportTable.Bytes(last.HeapBytes)}, working set {ReportTable.Bytes(last.WorkingSetBytes)}, " +
                             $"stored entries {last.StoredEntries:N0} of {load.Walks:N0} conversations started (the others expired)");
        }

        output.WriteLine(report.Flat
            ? $"memory FLAT once conversations expire ({report.FlatRule})"
            : $"!!! memory NOT FLAT in the second half ({report.FlatRule})");
        if (report.ErrorCount > 0)
        {
            ReportTable.ErrorBanner(output, report.ErrorCount, load.Errors.Select(e => (e.Key, e.Value)));
        }
        else
        {
            output.WriteLine("errors: none");
        }
    }

    private static Slope Fit(List<MemorySample> samples)
    {
        if (samples.Count < 2)
        {
            return new Slope(0, 0, samples.Count == 1 ? samples[0].HeapBytes / 1048576.0 : 0);
        }

        var minutes = samples.Select(s => s.Seconds / 60).ToList();
        return new Slope(LeastSquares(minutes, samples.Select(s => s.HeapBytes / 1048576.0).ToList()),
            LeastSquares(minutes, samples.Select(s => s.WorkingSetBytes / 1048576.0).ToList()),
            samples.Average(s => s.HeapBytes / 1048576.0));
    }

    private static double LeastSquares(List<double> x, List<double> y)
    {
        var meanX = x.Average();
        var meanY = y.Average();
        var spread = x.Sum(v => (v - meanX) * (v - meanX));
        return spread == 0 ? 0 : x.Zip(y).Sum(p => (p.First - meanX) * (p.Second - meanY)) / spread;
    }
}
