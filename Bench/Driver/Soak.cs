using System.Diagnostics;
using SecretBot.Bench.Hosting;
using SecretBot.Bench.Load;
using SecretBot.Bench.Peers;
using SecretBot.Bench.Report;

namespace SecretBot.Bench.Driver;

/// <summary>
/// The soak: the anonymous bot with a one-minute conversation lifetime (and duplicate window), at half of its capacity,
/// every walk in a new conversation so that finished ones go idle and expire; its memory is
/// sampled throughout and must be flat once conversations expire (second half of the run).
/// </summary>
public static class Soak
{
    public static readonly TimeSpan ConversationTtl = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(BenchOptions options, int minutes, TextWriter output)
    {
        if (BenchRun.Preflight(output) is { } refusal)
        {
            return refusal;
        }

        var startedAt = DateTimeOffset.UtcNow;
        var machine = MachineInfo.Current();
        await using var sink = await LocalConnector.StartAsync(record: false);
        await using var host = await HostProcess.StartBenchHostAsync(BenchMode.Anonymous,
            BotSettings.For(BenchMode.Anonymous, sink, ConversationTtl), "host-soak.log");
        using var generator = new LoadGenerator(host.BaseUrl, sink, floor: false, bearerToken: null);
        var plan = new LoadPlan(Walks.PoliceThenShare, options.Users) { NewConversationEachWalk = true };

        double? capacity = null;
        if (options.SoakRate is null)
        {
            output.WriteLine($"soak: measuring capacity first ({options.Users} people, think time zero)…");
            var probe = generator.Start(plan);
            await Task.Delay(TimeSpan.FromSeconds(5));
            probe.BeginMeasure();
            await Task.Delay(TimeSpan.FromSeconds(10));
            capacity = (await probe.StopAsync()).TurnsPerSecond;
        }

        var rate = options.SoakRate ?? capacity!.Value / 2;
        output.WriteLine($"soak: {minutes} min at {rate:N0} turns/s, conversation TTL and duplicate window {ConversationTtl:c}, memory sampled every {SampleEvery.TotalSeconds} s");
        var run = generator.Start(plan with { TurnsPerSecond = rate });
        var samples = await SampleAsync(host, TimeSpan.FromMinutes(minutes), output);
        var load = await run.StopAsync();

        var report = SoakReport.From(startedAt, machine, minutes, rate, capacity, ConversationTtl, load, samples, sink.Unmatched);
        var path = options.OutputFile ?? RepositoryLayout.Artifacts("soak.json");
        report.Write(path);
        SoakReport.Print(report, output);
        output.WriteLine($"written: {Path.GetRelativePath(RepositoryLayout.Root, Path.GetFullPath(path))}");
        return report.ErrorCount > 0 ? 1 : report.Flat ? 0 : 3;
    }

    private static async Task<List<MemorySample>> SampleAsync(HostProcess host, TimeSpan duration, TextWriter output)
    {
        var samples = new List<MemorySample>();
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < duration)
        {
            await Task.Delay(SampleEvery);
            var stats = await host.StatsAsync(fullCollection: true);
            var sample = new MemorySample(Stopwatch.GetElapsedTime(started).TotalSeconds, stats.HeapBytes, stats.WorkingSetBytes, stats.StoredEntries);
            samples.Add(sample);
            if (samples.Count % 12 == 0)
            {
                output.WriteLine($"  {sample.Seconds,5:N0} s: heap {ReportTable.Bytes(sample.HeapBytes)}, working set " +
                                 $"{ReportTable.Bytes(sample.WorkingSetBytes)}, stored entries {sample.StoredEntries:N0}");
            }
        }

        return samples;
    }
}
