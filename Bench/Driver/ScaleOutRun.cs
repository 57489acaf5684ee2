using System.Diagnostics;
using SecretBot.Bench.Hosting;
using SecretBot.Bench.Load;
using SecretBot.Bench.Peers;

namespace SecretBot.Bench.Driver;

/// <summary>What one count of instances measured behind the proxy.</summary>
/// <param name="BotCpuMicrosecondsPerTurn">CPU time of all the bot processes during the window, divided by the turns.</param>
/// <param name="RedisCpuMicrosecondsPerTurn">CPU time of redis-server during the window, divided by the turns.</param>
/// <param name="DriverCpuShare">CPU the load generator, the sink and the proxy used, as a share of the bots' and Redis's.</param>
/// <param name="RedisMemoryBytes">Redis's data at the end of the window: state, re-send ledger (10 minutes of it), leases.</param>
/// <param name="ProxyRetries">Requests the proxy sent to another instance after one refused or dropped them (0 expected).</param>
/// <param name="JitMilliseconds">Compile time of all the bot processes inside the window: each process warms up on its own.</param>
public sealed record ScaleOutResult(int Instances, LoadResult Load, double BotCpuMicrosecondsPerTurn, double RedisCpuMicrosecondsPerTurn,
    double DriverCpuShare, long RedisMemoryBytes, long ProxyRetries, double JitMilliseconds);

/// <summary>
/// Several instances: the real bot (anonymous mode) in 1, 2, 3… processes, all on one redis-server
/// (state, turn order, re-send ledger) behind the round-robin <see cref="LocalProxy"/>, under the same
/// load as the modes, warmed up as long per process as one mode. Each count starts from an empty
/// Redis and fresh processes.
/// </summary>
public static class ScaleOutRun
{
    public static readonly int[] DefaultInstances = [1, 2, 3];

    public static async Task<IReadOnlyList<ScaleOutResult>> MeasureAsync(IReadOnlyList<int> counts, LocalConnector sink, int users,
        TimeSpan warmUp, TimeSpan measure, TextWriter output)
    {
        await using var redis = await RedisProcess.StartAsync();
        var results = new List<ScaleOutResult>();
        foreach (var count in counts)
        {
            await redis.FlushAsync();
            var result = await MeasureAsync(count, redis, sink, users, warmUp, measure);
            output.WriteLine($"  {count} instance(s) behind the proxy, Redis: {result.Load.TurnsPerSecond,8:N0} turns/s, p99 {result.Load.Reply.P99:N1} ms, errors {result.Load.ErrorCount}");
            results.Add(result);
        }

        return results;
    }

    private static async Task<ScaleOutResult> MeasureAsync(int count, RedisProcess redis, LocalConnector sink, int users, TimeSpan warmUp,
        TimeSpan measure)
    {
        var settings = BotSettings.For(BenchMode.Anonymous, sink);
        settings["State:Provider"] = "Redis";
        settings["State:Redis"] = redis.ConnectionString;
        // Every instance digests ids with the same key, as a deployment gives them.
        settings["Privacy:DigestKey"] = BotSettings.DigestKey;
        var hosts = new List<HostProcess>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                hosts.Add(await HostProcess.StartBenchHostAsync(BenchMode.Anonymous, settings, $"host-instances-{count}-{i}.log"));
            }

            await using var proxy = await LocalProxy.StartAsync(hosts.Select(host => host.BaseUrl).ToList());
            using var generator = new LoadGenerator(proxy.BaseUrl, sink, floor: false, bearerToken: null);
            var run = generator.Start(new LoadPlan(Walks.PoliceThenShare, users));
            // Each process compiles its own code on the same cores: with one warm-up for all, the JIT
            // of three took 15 s of the 30 s window.
            await Task.Delay(warmUp * count);
            var botsBefore = await StatsAsync(hosts);
            var redisBefore = redis.CpuMilliseconds();
            var driverBefore = Process.GetCurrentProcess().TotalProcessorTime;
            run.BeginMeasure();
            await Task.Delay(measure);
            run.EndMeasure();
            var botsAfter = await StatsAsync(hosts);
            var botCpu = botsAfter.Cpu - botsBefore.Cpu;
            var redisCpu = redis.CpuMilliseconds() - redisBefore;
            var driverCpu = (Process.GetCurrentProcess().TotalProcessorTime - driverBefore).TotalMilliseconds;
            var load = await run.StopAsync();
            var turns = Math.Max(1, load.Turns);
            return new ScaleOutResult(count, load, botCpu * 1000 / turns, redisCpu * 1000 / turns,
                botCpu + redisCpu > 0 ? driverCpu / (botCpu + redisCpu) : 0, await redis.UsedMemoryBytesAsync(), proxy.Retried,
                botsAfter.Jit - botsBefore.Jit);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    private static async Task<(double Cpu, double Jit)> StatsAsync(IEnumerable<HostProcess> hosts)
    {
        var stats = await Task.WhenAll(hosts.Select(host => host.StatsAsync(fullCollection: false)));
        return (stats.Sum(s => s.CpuMilliseconds), stats.Sum(s => s.JitMilliseconds));
    }
}
