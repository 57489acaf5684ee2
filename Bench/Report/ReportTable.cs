using System.Globalization;
using SecretBot.Bench.Driver;

namespace SecretBot.Bench.Report;

/// <summary>The report as a person reads it in the terminal.</summary>
public static class ReportTable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Print(BenchReport report, TextWriter output)
    {
        var machine = report.Machine;
        var settings = report.Settings;
        output.WriteLine();
        output.WriteLine($"SecretBot load benchmark ({report.Kind}) — {report.StartedAt:yyyy-MM-dd HH:mm} UTC");
        output.WriteLine($"machine: {machine.Cores} cores, {machine.Os}, {machine.Runtime}, {machine.Configuration}, " +
                         $"{(machine.ServerGc ? "server" : "workstation")} GC, load average at start {machine.LoadAverageAtStart} (shared machine: noisy)");
        output.WriteLine($"bot: {settings.Environment}, log level {settings.LogLevel}, {settings.Language}/{settings.Jurisdiction}, " +
                         $"{settings.StateStore} store; load: {settings.Users} people, think time {settings.ThinkTime}, " +
                         $"warm-up {settings.WarmUpSeconds} s, measured {settings.MeasureSeconds} s; walk: {settings.Walk}");
        output.WriteLine();
        output.WriteLine("mode              users    turns/s   p50 ms   p95 ms   p99 ms   max ms   alloc/turn   bot CPU/turn   driver CPU   JIT ms   peak WS   errors");
        foreach (var mode in report.Modes.Append(report.SingleUser).OfType<ModeResult>())
        {
            var load = mode.Load;
            output.WriteLine(string.Create(Invariant,
                $"{mode.Mode,-16} {load.Users,6} {load.TurnsPerSecond,10:N0} {load.Reply.P50,8:N1} {load.Reply.P95,8:N1} {load.Reply.P99,8:N1} " +
                $"{load.Reply.Max,8:N1} {Bytes(mode.AllocatedBytesPerTurn),12} {mode.BotCpuMicrosecondsPerTurn,11:N0} µs " +
                $"{mode.DriverCpuShare,11:P0} {mode.JitMilliseconds,8:N0} {Bytes(mode.PeakWorkingSetBytes),9} {load.ErrorCount + mode.ConnectorCallsWithoutToken,8:N0}"));
        }

        output.WriteLine("latency: request sent → the bot's reply received by the connector sink; driver CPU: load generator + sink, as a share of the bot's CPU;");
        output.WriteLine("JIT ms: the bot's compile time inside the measured window (warm-up not over when large)");
        output.WriteLine();
        if (report.Instances is { } instances)
        {
            PrintInstances(instances, output);
            output.WriteLine();
        }

        if (report.Idle is { } idle)
        {
            output.WriteLine(string.Create(Invariant,
                $"idle conversations: {idle.Conversations:N0} created over HTTP in {idle.Seconds:N1} s ({idle.BotCpuMicrosecondsPerConversation:N0} µs of bot CPU each); managed heap {Bytes(idle.HeapBeforeBytes)} → " +
                $"{Bytes(idle.HeapAfterBytes)}: {idle.BytesPerConversation:N0} bytes per conversation " +
                $"(store entries {idle.StoredEntriesBefore:N0} → {idle.StoredEntriesAfter:N0}, errors {idle.ErrorCount:N0})"));
            output.WriteLine($"  includes: {report.IdleIncludes}");
        }
        else
        {
            output.WriteLine("idle conversations: measured by the full run (./bench.sh), not the quick one");
        }

        var cold = report.ColdStart;
        output.WriteLine(string.Create(Invariant,
            $"cold start: {cold.Median:N0} ms median (process start → first reply at the sink), runs: " +
            $"{string.Join(", ", cold.FirstReplyMilliseconds.Select(ms => ms.ToString("N0", Invariant)))} ms; " +
            $"first request accepted after {string.Join(", ", cold.AcceptedMilliseconds.Select(ms => ms.ToString("N0", Invariant)))} ms"));
        output.WriteLine();
        output.WriteLine("targets:");
        foreach (var target in report.Targets)
        {
            output.WriteLine($"  {(target.Met ? "met   " : "MISSED")}  {target.Name,-40} {target.Goal,-20} {target.Value}");
        }

        foreach (var note in report.Notes)
        {
            output.WriteLine($"note: {note}");
        }

        PrintErrors(report, output);
    }

    /// <summary>Several instances of the anonymous bot on one redis-server behind the round-robin proxy.</summary>
    public static void PrintInstances(IReadOnlyList<ScaleOutResult> instances, TextWriter output)
    {
        output.WriteLine("instances (anonymous bot, Redis: state, turn order, re-send ledger; behind the YARP proxy, round robin)");
        output.WriteLine("instances    turns/s   p50 ms   p99 ms   bots CPU/turn   Redis CPU/turn   driver+proxy CPU   JIT ms   Redis memory   proxy retries   errors");
        foreach (var result in instances)
        {
            var load = result.Load;
            output.WriteLine(string.Create(Invariant,
                $"{result.Instances,9} {load.TurnsPerSecond,10:N0} {load.Reply.P50,8:N1} {load.Reply.P99,8:N1} {result.BotCpuMicrosecondsPerTurn,12:N0} µs " +
                $"{result.RedisCpuMicrosecondsPerTurn,13:N0} µs {result.DriverCpuShare,18:P0} {result.JitMilliseconds,8:N0} {Bytes(result.RedisMemoryBytes),14} " +
                $"{result.ProxyRetries,15:N0} {load.ErrorCount,8:N0}"));
        }

        output.WriteLine("driver+proxy CPU: load generator, sink and proxy, as a share of the bots' and Redis's; JIT ms: all the bots' compile time in the window;");
        output.WriteLine("every process shares the same cores: more instances add no CPU here, only their own overhead and the proxy's hop");
    }

    public static string Bytes(double bytes) => bytes switch
    {
        >= 1 << 30 => (bytes / (1 << 30)).ToString("N1", Invariant) + " GB",
        >= 1 << 20 => (bytes / (1 << 20)).ToString("N1", Invariant) + " MB",
        >= 1 << 10 => (bytes / (1 << 10)).ToString("N1", Invariant) + " KB",
        _ => bytes.ToString("N0", Invariant) + " B",
    };

    /// <summary>Errors are said loudly: a run with errors measured something else than the bot's answers.</summary>
    public static void PrintErrors(BenchReport report, TextWriter output)
    {
        if (report.ErrorCount == 0)
        {
            output.WriteLine("errors: none (every turn answered 200 and its reply reached the sink with the expected card)");
            return;
        }

        var errors = report.Modes.Append(report.SingleUser).OfType<ModeResult>()
            .SelectMany(m => m.Load.Errors.Select(e => ($"{m.Mode}: {e.Key}", e.Value))
                .Append(($"{m.Mode}: connector calls without the bot's token", m.ConnectorCallsWithoutToken)))
            .Concat((report.Idle?.Errors ?? new Dictionary<string, long>()).Select(e => ($"idle: {e.Key}", e.Value)))
            .Concat((report.Instances ?? []).SelectMany(i => i.Load.Errors.Select(e => ($"{i.Instances} instance(s): {e.Key}", e.Value))))
            .Append(("cold start: runs without a reply", report.ColdStart.ErrorCount))
            .Where(e => e.Item2 > 0);
        ErrorBanner(output, report.ErrorCount, errors);
    }

    public static void ErrorBanner(TextWriter output, long count, IEnumerable<(string What, long Count)> errors)
    {
        output.WriteLine(new string('!', 100));
        output.WriteLine($"!!! THIS RUN HAD {count:N0} ERRORS: its figures do not measure the bot's answers.");
        foreach (var (what, n) in errors)
        {
            output.WriteLine($"!!!   {n,8:N0}  {what}");
        }

        output.WriteLine(new string('!', 100));
    }
}
