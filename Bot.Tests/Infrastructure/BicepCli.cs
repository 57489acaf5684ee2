using System.Diagnostics;

namespace SecretBot.Bot.Tests.Infrastructure;

/// <summary>
/// The Bicep CLI pinned in <c>tools/bicep</c> (NuGet package Azure.Bicep.CommandLine.linux-x64),
/// found or restored by <c>ensure_bicep</c> in <c>scripts/setup.sh</c>, the same function
/// <c>scripts/check-infra.sh</c> uses. It runs offline.
/// </summary>
public static class BicepCli
{
    private static readonly Lazy<string> Executable = new(Locate);

    public sealed record Run(int ExitCode, string Output, string Errors);

    /// <summary>Runs <c>bicep</c> in the repository root; <paramref name="environment"/> entries with a null value are removed.</summary>
    public static Run Invoke(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        Start(Executable.Value, arguments, environment);

    private static string Locate()
    {
        var run = Start("bash", ["-c", "source scripts/setup.sh && ensure_bicep"], null);
        var path = run.Output.Trim().Split('\n').LastOrDefault()?.Trim();
        return run.ExitCode == 0 && File.Exists(path)
            ? path
            : throw new InvalidOperationException($"The Bicep CLI could not be restored (tools/bicep): exit {run.ExitCode}.\n{run.Errors}");
    }

    private static Run Start(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in 2 minutes.");
        }

        return new Run(process.ExitCode, output.GetAwaiter().GetResult(), errors.GetAwaiter().GetResult());
    }
}
