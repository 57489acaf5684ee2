using System.Globalization;
using SecretBot.Bench.Driver;

namespace SecretBot.Bench.Report;

/// <summary>The targets of issue 8 on this 2-core machine, checked against a run's figures.</summary>
public static class Targets
{
    public static IReadOnlyList<Target> Check(IReadOnlyList<ModeResult> modes, IdleResult? idle, ColdStartResult cold)
    {
        var floor = modes.First(m => m.Mode == "floor");
        var anonymous = modes.First(m => m.Mode == "anonymous");
        var auth = modes.First(m => m.Mode == "auth");
        var paced = modes.Where(m => m.Mode.EndsWith("-paced", StringComparison.Ordinal))
            .Select(m => new Target($"p99, {m.Mode} at ½, {m.Load.Users} users", "≤ 20 ms", Ms(m.Load.Reply.P99), m.Load.Reply.P99 <= 20));
        return
        [
            new("throughput, anonymous", "≥ 3,000 turns/s", Rate(anonymous), anonymous.Load.TurnsPerSecond >= 3000),
            new("throughput, auth", "≥ 2,000 turns/s", Rate(auth), auth.Load.TurnsPerSecond >= 2000),
            new($"p99, anonymous, {anonymous.Load.Users} users", "≤ 20 ms", Ms(anonymous.Load.Reply.P99),
                anonymous.Load.Reply.P99 <= 20 && anonymous.Load.Users >= 100),
            new($"p99, auth, {auth.Load.Users} users", "≤ 20 ms", Ms(auth.Load.Reply.P99), auth.Load.Reply.P99 <= 20 && auth.Load.Users >= 100),
            .. paced,
            new("anonymous vs floor", "≥ 50 % of the floor",
                $"{anonymous.Load.TurnsPerSecond / Math.Max(1, floor.Load.TurnsPerSecond):P0} of {Rate(floor)}",
                anonymous.Load.TurnsPerSecond >= floor.Load.TurnsPerSecond / 2),
            .. idle is null ? [] : new Target[] { new("memory per idle conversation", "≤ 2 KB", $"{idle.BytesPerConversation:N0} B", idle.BytesPerConversation <= 2048) },
            new("cold start (median)", "≤ 1.5 s", Ms(cold.Median), cold.FirstReplyMilliseconds.Count > 0 && cold.Median <= 1500),
        ];
    }

    private static string Rate(ModeResult mode) => $"{mode.Load.TurnsPerSecond.ToString("N0", CultureInfo.InvariantCulture)} turns/s";

    private static string Ms(double milliseconds) => $"{milliseconds.ToString("N1", CultureInfo.InvariantCulture)} ms";
}
