using System.Globalization;

namespace SecretBot.Bench.Driver;

/// <summary>The driver's command line: <c>[--quick] [--soak [MINUTES]] [--rate TURNS/S] [--users N] [--instances 1,2,3] [--out FILE]</c>.</summary>
public sealed record BenchOptions
{
    public const string Usage =
        "usage: bench [--quick] [--users N] [--out FILE]\n" +
        "       bench [--quick] --only floor|anonymous|auth|idle|cold-start [--users N]   (one part only, e.g. to attach a profiler)\n" +
        "       bench [--quick] --instances 1,2,3 [--users N] [--out FILE]   (several instances on Redis behind a proxy, only)\n" +
        "       bench --soak [MINUTES] [--rate TURNS_PER_SECOND] [--users N] [--out FILE]\n" +
        "exit code: 0 done, 1 the run had errors, 2 nothing measured (missing build, other runtime settings), 3 soak memory not flat";

    public bool Quick { get; init; }

    /// <summary>Simulated people at once, in the throughput runs.</summary>
    public int Users { get; init; } = 100;

    // Quick: three modes of 8 + 5 s and one cold start fit in a minute. A shorter warm-up measures
    // the JIT, not the bot (seen: 2.3 s of compiling in a 5 s window after 3 s of warm-up).
    public TimeSpan WarmUp => Quick ? TimeSpan.FromSeconds(8) : TimeSpan.FromSeconds(10);

    public TimeSpan Measure => Quick ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(30);

    public int ColdStarts => Quick ? 1 : 5;

    /// <summary>Conversations created for the memory-per-idle-conversation figure (never fewer).</summary>
    public int IdleConversations => 100_000;

    /// <summary>Creating 100,000 conversations takes 30–40 s of the bot's CPU here: the full run does it, the quick one does not.</summary>
    public bool MeasuresIdle => !Quick;

    /// <summary>Only this part of the run (a mode's throughput, the idle conversations, the cold start); no targets.</summary>
    public string? Only { get; init; }

    public static readonly string[] Parts = ["floor", "anonymous", "auth", "idle", "cold-start"];

    /// <summary>
    /// Counts of instances to measure behind the proxy on one Redis (the full run: 1, 2, 3); given on
    /// the command line, only that part runs.
    /// </summary>
    public IReadOnlyList<int>? Instances { get; init; }

    public int? SoakMinutes { get; init; }

    /// <summary>The soak's rate; without it, half of a capacity measured first.</summary>
    public double? SoakRate { get; init; }

    public string? OutputFile { get; init; }

    public string Kind => SoakMinutes is not null ? "soak" : Quick ? "quick" : "full";

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--quick" => options with { Quick = true },
                "--soak" when i + 1 < args.Length && int.TryParse(args[i + 1], out var minutes) && minutes > 0 =>
                    options with { SoakMinutes = Next(ref i, minutes) },
                "--soak" => options with { SoakMinutes = 10 },
                "--rate" => options with { SoakRate = Number(args, ref i) },
                "--only" when i + 1 < args.Length && Parts.Contains(args[i + 1]) => options with { Only = args[++i] },
                "--users" => options with { Users = (int)Number(args, ref i) },
                "--instances" when i + 1 < args.Length => options with { Instances = Counts(args[++i]) },
                "--out" when i + 1 < args.Length => options with { OutputFile = args[++i] },
                var unknown => throw new ArgumentException($"Unknown argument '{unknown}'."),
            };
        }

        return options.Users < 1 ? throw new ArgumentException("--users must be at least 1.") : options;
    }

    private static int[] Counts(string list)
    {
        var counts = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(item => int.TryParse(item, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 8 ? n : 0)
            .ToArray();
        return counts.Length > 0 && counts.All(n => n > 0)
            ? counts
            : throw new ArgumentException($"--instances needs counts from 1 to 8, separated by commas (e.g. 1,2,3), not '{list}'.");
    }

    private static int Next(ref int i, int value)
    {
        i++;
        return value;
    }

    private static double Number(string[] args, ref int i)
    {
        var name = args[i];
        return i + 1 < args.Length && double.TryParse(args[++i], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} needs a positive number.");
    }
}
