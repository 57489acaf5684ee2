using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using SecretBot.Bench.Driver;

namespace SecretBot.Bench.Report;

/// <summary>The machine the figures come from; on a shared machine they are noisy, and the load average says how much.</summary>
public sealed record MachineInfo(int Cores, string Os, string Runtime, string LoadAverageAtStart, string Configuration, bool ServerGc)
{
    public static MachineInfo Current() => new(Environment.ProcessorCount, RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription, LoadAverage(), RepositoryLayout.Configuration, GCSettings.IsServerGC);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}

/// <summary>How the bot and the load were set up for the run.</summary>
public sealed record RunSettings(string Environment, string LogLevel, string Language, string Jurisdiction, string StateStore,
    int Users, double WarmUpSeconds, double MeasureSeconds, string Walk, string ThinkTime);

public sealed record Target(string Name, string Goal, string Value, bool Met);

/// <summary>Everything a bench run measured, as printed and as written to JSON.</summary>
public sealed record BenchReport(
    string Kind,
    DateTimeOffset StartedAt,
    MachineInfo Machine,
    RunSettings Settings,
    IReadOnlyList<ModeResult> Modes,
    ModeResult? SingleUser,
    IdleResult? Idle,
    string IdleIncludes,
    ColdStartResult ColdStart,
    IReadOnlyList<Target> Targets,
    long ErrorCount,
    IReadOnlyList<string> Notes,
    IReadOnlyList<ScaleOutResult>? Instances = null)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");
}

/// <summary>A run of the instances alone (<c>--instances</c>).</summary>
public sealed record InstancesReport(string Kind, DateTimeOffset StartedAt, MachineInfo Machine, int Users, double WarmUpSeconds,
    double MeasureSeconds, string Walk, IReadOnlyList<ScaleOutResult> Instances, long ErrorCount);
