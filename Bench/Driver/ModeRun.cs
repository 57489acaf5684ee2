using System.Diagnostics;
using SecretBot.Bench.Hosting;
using SecretBot.Bench.Load;
using SecretBot.Bench.Peers;

namespace SecretBot.Bench.Driver;

/// <summary>What one mode measured: the load figures and the bot process's own.</summary>
/// <param name="AllocatedBytesPerTurn">Bytes the bot process allocated during the window, divided by the turns.</param>
/// <param name="BotCpuMicrosecondsPerTurn">CPU time of the bot process during the window, divided by the turns.</param>
/// <param name="JitMilliseconds">Time the bot spent compiling methods during the window: warm-up not over when it is large.</param>
/// <param name="DriverCpuShare">CPU the load generator and sink used, as a share of the bot's (same 2 cores).</param>
public sealed record ModeResult(string Mode, LoadResult Load, double AllocatedBytesPerTurn, double BotCpuMicrosecondsPerTurn,
    double DriverCpuShare, long PeakWorkingSetBytes, int Gen2Collections, double GcPausePercent, double JitMilliseconds,
    long ConnectorCallsWithoutToken);

/// <summary>One mode: a fresh bot process, warm-up, then a measured window, all with the same people walking.</summary>
public static class ModeRun
{
    /// <param name="pacedShare">Then, in the same process, the same people paced at this share of the measured throughput.</param>
    public static async Task<IReadOnlyList<ModeResult>> MeasureAsync(BenchMode mode, LocalConnector sink, int users, TimeSpan warmUp,
        TimeSpan measure, string label, double? pacedShare = null)
    {
        await using var host = await HostProcess.StartBenchHostAsync(mode, BotSettings.For(mode, sink), $"host-{label}.log");
        sink.RequireToken = mode == BenchMode.Auth;
        var token = mode == BenchMode.Auth ? sink.Issuer.ChannelToken(BotSettings.AppId, sink.ServiceUrl) : null;
        using var generator = new LoadGenerator(host.BaseUrl, sink, floor: mode == BenchMode.Floor, token);
        var plan = new LoadPlan(Walks.PoliceThenShare, users);
        var results = new List<ModeResult> { await WindowAsync(host, sink, generator, plan, warmUp, measure, label) };
        if (pacedShare is { } share)
        {
            // The JIT is warm by now: a short settling is enough.
            var paced = plan with { TurnsPerSecond = results[0].Load.TurnsPerSecond * share };
            results.Add(await WindowAsync(host, sink, generator, paced, TimeSpan.FromSeconds(3), measure, $"{label}-paced"));
        }

        sink.RequireToken = false;
        return results;
    }

    private static async Task<ModeResult> WindowAsync(HostProcess host, LocalConnector sink, LoadGenerator generator, LoadPlan plan,
        TimeSpan warmUp, TimeSpan measure, string label)
    {
        var missingTokenBefore = sink.MissingToken;
        var run = generator.Start(plan);
        await Task.Delay(warmUp);
        var before = await host.StatsAsync(fullCollection: false);
        var driverBefore = Process.GetCurrentProcess().TotalProcessorTime;
        run.BeginMeasure();
        await Task.Delay(measure);
        run.EndMeasure();
        var after = await host.StatsAsync(fullCollection: false);
        var driverCpu = (Process.GetCurrentProcess().TotalProcessorTime - driverBefore).TotalMilliseconds;
        var load = await run.StopAsync();

        var turns = Math.Max(1, load.Turns);
        var botCpu = after.CpuMilliseconds - before.CpuMilliseconds;
        return new ModeResult(label, load,
            (after.AllocatedBytes - before.AllocatedBytes) / (double)turns,
            botCpu * 1000 / turns,
            botCpu > 0 ? driverCpu / botCpu : 0,
            after.PeakWorkingSetBytes,
            after.Gen2Collections - before.Gen2Collections,
            (after.GcPauseMilliseconds - before.GcPauseMilliseconds) / (load.Seconds * 10),
            after.JitMilliseconds - before.JitMilliseconds,
            sink.MissingToken - missingTokenBefore);
    }
}
