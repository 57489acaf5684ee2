using SecretBot.Bench.Hosting;
using SecretBot.Bench.Peers;
using SecretBot.Bench.Report;

namespace SecretBot.Bench.Driver;

/// <summary>
/// A whole bench run: the floor, the anonymous bot and the authenticated bot, each in its own fresh
/// process under the same load; 1, 2 and 3 instances on Redis behind a proxy (full run); the memory
/// of 100,000 idle conversations; cold starts of the product.
/// </summary>
public static class BenchRun
{
    public const string WalkDescription =
        "urgent police message → reflexes card → police interview → answer; sharing interview: 4 questions (1 typed) → answer";

    public static async Task<int> RunAsync(BenchOptions options, TextWriter output)
    {
        if (Preflight(output) is { } refusal)
        {
            return refusal;
        }

        if (options.Only is { } part)
        {
            return await RunOnePartAsync(options, part, output);
        }

        if (options.Instances is { } counts)
        {
            return await RunInstancesAsync(options, counts, output);
        }

        var startedAt = DateTimeOffset.UtcNow;
        var machine = MachineInfo.Current();
        output.WriteLine($"bench ({options.Kind}): {machine.Cores} cores, load average {machine.LoadAverageAtStart}; " +
                         $"modes floor, anonymous, auth; {options.Users} people; then " +
                         (options.Quick ? "" : "1, 2, 3 instances on Redis behind a proxy, ") +
                         (options.MeasuresIdle ? $"{options.IdleConversations:N0} idle conversations, " : "") + "cold start");
        await using var sink = await LocalConnector.StartAsync(record: false);
        var modes = new List<ModeResult>();
        foreach (var mode in new[] { BenchMode.Floor, BenchMode.Anonymous, BenchMode.Auth })
        {
            // With think time zero, latency is people / throughput (Little's law); the full run also
            // measures the same people paced at half the throughput, where latency is the bot's own.
            var paced = options.Quick || mode == BenchMode.Floor ? (double?)null : 0.5;
            foreach (var result in await ModeRun.MeasureAsync(mode, sink, options.Users, options.WarmUp, options.Measure, mode.Name(), paced))
            {
                output.WriteLine($"  {result.Mode,-16} {result.Load.TurnsPerSecond,8:N0} turns/s, p99 {result.Load.Reply.P99:N1} ms, errors {result.Load.ErrorCount}");
                modes.Add(result);
            }
        }

        // Unloaded latency: one person, the bot otherwise idle.
        ModeResult? single = null;
        if (!options.Quick)
        {
            single = (await ModeRun.MeasureAsync(BenchMode.Anonymous, sink, 1, options.WarmUp, options.Measure, "anonymous-1"))[0];
        }

        IReadOnlyList<ScaleOutResult>? instances = null;
        if (!options.Quick)
        {
            instances = await ScaleOutRun.MeasureAsync(ScaleOutRun.DefaultInstances, sink, options.Users, options.WarmUp, options.Measure, output);
        }

        IdleResult? idle = null;
        if (options.MeasuresIdle)
        {
            output.WriteLine($"  creating {options.IdleConversations:N0} idle conversations…");
            idle = await IdleMemory.MeasureAsync(sink, options.IdleConversations, options.Users);
        }

        output.WriteLine($"  cold start × {options.ColdStarts}…");
        var cold = await ColdStart.MeasureAsync(sink, options.ColdStarts);

        var errors = modes.Append(single).OfType<ModeResult>().Sum(m => m.Load.ErrorCount + m.ConnectorCallsWithoutToken)
                     + (idle?.ErrorCount ?? 0) + cold.ErrorCount + sink.Unmatched + (instances?.Sum(i => i.Load.ErrorCount) ?? 0);
        var report = new BenchReport(options.Kind, startedAt, machine,
            new RunSettings(BotSettings.Environment, BotSettings.LogLevel, "fr", "BE", "memory", options.Users,
                options.WarmUp.TotalSeconds, options.Measure.TotalSeconds, WalkDescription, "zero"),
            modes, single, idle, IdleResult.Includes, cold, Targets.Check(modes, idle, cold), errors, Notes(sink), instances);
        var path = options.OutputFile ?? RepositoryLayout.Artifacts(options.Quick ? "bench-quick.json" : "bench.json");
        report.Write(path);
        ReportTable.Print(report, output);
        output.WriteLine($"written: {Path.GetRelativePath(RepositoryLayout.Root, Path.GetFullPath(path))}; measured in {DateTimeOffset.UtcNow - startedAt:m\\:ss} (after the build)");
        return errors == 0 ? 0 : 1;
    }

    private static async Task<int> RunOnePartAsync(BenchOptions options, string part, TextWriter output)
    {
        await using var sink = await LocalConnector.StartAsync(record: false);
        IReadOnlyDictionary<string, long> errors;
        switch (part)
        {
            case "idle":
                var idle = await IdleMemory.MeasureAsync(sink, options.IdleConversations, options.Users);
                output.WriteLine($"idle: {idle.Conversations:N0} conversations in {idle.Seconds:N1} s, {idle.BytesPerConversation:N0} bytes each");
                errors = idle.Errors;
                break;
            case "cold-start":
                var cold = await ColdStart.MeasureAsync(sink, options.ColdStarts);
                output.WriteLine($"cold start: {string.Join(", ", cold.FirstReplyMilliseconds.Select(ms => $"{ms:N0}"))} ms");
                errors = cold.ErrorCount > 0 ? new Dictionary<string, long> { ["runs without a reply"] = cold.ErrorCount } : [];
                break;
            default:
                var mode = BenchModes.Parse(part);
                var result = (await ModeRun.MeasureAsync(mode, sink, options.Users, options.WarmUp, options.Measure, part))[0];
                var load = result.Load;
                output.WriteLine($"{part}: {load.TurnsPerSecond:N0} turns/s, p50 {load.Reply.P50:N1} ms, p99 {load.Reply.P99:N1} ms, " +
                                 $"{ReportTable.Bytes(result.AllocatedBytesPerTurn)} and {result.BotCpuMicrosecondsPerTurn:N0} µs CPU per turn, " +
                                 $"JIT {result.JitMilliseconds:N0} ms in the window, GC pauses {result.GcPausePercent:N1} %");
                errors = result.ConnectorCallsWithoutToken > 0
                    ? load.Errors.Append(KeyValuePair.Create("connector calls without the bot's token", result.ConnectorCallsWithoutToken)).ToDictionary()
                    : load.Errors;
                break;
        }

        if (errors.Count > 0)
        {
            ReportTable.ErrorBanner(output, errors.Values.Sum(), errors.Select(e => (e.Key, e.Value)));
        }

        return errors.Count == 0 ? 0 : 1;
    }

    /// <summary>Only the instances behind the proxy: their table, and <c>artifacts/bench/bench-instances.json</c>.</summary>
    private static async Task<int> RunInstancesAsync(BenchOptions options, IReadOnlyList<int> counts, TextWriter output)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var machine = MachineInfo.Current();
        output.WriteLine($"bench ({options.Kind}, instances {string.Join(", ", counts)}): {machine.Cores} cores, load average {machine.LoadAverageAtStart}; " +
                         $"{options.Users} people, warm-up {options.WarmUp.TotalSeconds} s, measured {options.Measure.TotalSeconds} s each");
        await using var sink = await LocalConnector.StartAsync(record: false);
        var instances = await ScaleOutRun.MeasureAsync(counts, sink, options.Users, options.WarmUp, options.Measure, output);
        var errors = instances.Sum(i => i.Load.ErrorCount) + sink.Unmatched;
        var report = new InstancesReport(options.Kind, startedAt, machine, options.Users, options.WarmUp.TotalSeconds, options.Measure.TotalSeconds,
            WalkDescription, instances, errors);
        var path = options.OutputFile ?? RepositoryLayout.Artifacts("bench-instances.json");
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(report, BenchReport.Json) + "\n");
        output.WriteLine();
        ReportTable.PrintInstances(instances, output);
        if (errors > 0)
        {
            ReportTable.ErrorBanner(output, errors, instances.SelectMany(i => i.Load.Errors.Select(e => ($"{i.Instances} instance(s): {e.Key}", e.Value)))
                .Append(("replies for conversations nobody waited on", sink.Unmatched)).Where(e => e.Item2 > 0));
        }

        output.WriteLine($"written: {Path.GetRelativePath(RepositoryLayout.Root, Path.GetFullPath(path))}; measured in {DateTimeOffset.UtcNow - startedAt:m\\:ss} (after the build)");
        return errors == 0 ? 0 : 1;
    }

    /// <summary>Refuses to measure something else than the product: a missing build, or other runtime settings.</summary>
    public static int? Preflight(TextWriter output)
    {
        if (!File.Exists(RepositoryLayout.BotDll))
        {
            output.WriteLine($"The product's build is missing: {RepositoryLayout.BotDll}. Build Bot in {RepositoryLayout.Configuration} first.");
            return 2;
        }

        if (RepositoryLayout.RuntimeDifferences() is { Count: > 0 } differences)
        {
            output.WriteLine("The bench host would not run with the product's runtime settings; keep Bench.csproj in step with Bot.csproj:");
            differences.ToList().ForEach(d => output.WriteLine("  " + d));
            return 2;
        }

        if (RepositoryLayout.Configuration != "Release")
        {
            output.WriteLine($"warning: the bench was built {RepositoryLayout.Configuration}, not Release: the figures are not the product's.");
        }

        return null;
    }

    private static List<string> Notes(LocalConnector sink)
    {
        var notes = new List<string>
        {
            "the load generator and the connector sink run on the same 2 cores as the bot: their CPU is taken from the bot's",
            "tokens: one RS256 channel token (Bot Framework issuer, key endorsed for msteams) on every request, checked by the bot each time",
            "with think time zero, mean latency = people / throughput (Little's law): 100 people at 3,000 turns/s wait 33 ms on average, " +
            "so p99 ≤ 20 ms with 100 people needs over 5,000 turns/s; the -paced rows (full run) are the same people at half the throughput",
            "the benchmark is not a test: no test asserts a timing; Bot.Tests/Bench checks that its walks reach the answer cards, by counts",
        };
        // The bot caches its connector token: one per process with an app id (auth mode) is expected.
        notes.Add($"connector tokens the sink issued: {sink.TokensIssued}");
        if (sink.Unmatched > 0)
        {
            notes.Add($"{sink.Unmatched} connector calls for conversations nobody waited on (counted as errors)");
        }

        return notes;
    }
}
