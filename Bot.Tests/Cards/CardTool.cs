using System.Diagnostics;

using SecretBot.Bot.Tests.Infrastructure;

namespace SecretBot.Bot.Tests.Cards;

/// <summary>Runs a script of tools/cards with node, installing its pinned packages first if needed.</summary>
public static class CardTool
{
    private static readonly Lazy<string?> Install = new(InstallIfMissing);

    public sealed record Run(int ExitCode, string Output, string Errors);

    public static Run Node(string script, params string[] arguments)
    {
        if (Install.Value is { } failure)
            Assert.Fail(failure);
        return Start("node", [script, .. arguments]);
    }

    private static string? InstallIfMissing()
    {
        if (Directory.Exists(Path.Combine(RepositoryPaths.CardTools, "node_modules", "adaptivecards")))
            return null;
        var install = Start("npm", ["ci", "--no-audit", "--no-fund"]);
        return install.ExitCode == 0
            ? null
            : $"`npm ci` in tools/cards failed ({install.ExitCode}); run ./test.sh or `npm ci` there by hand.\n{install.Errors}";
    }

    private static Run Start(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = RepositoryPaths.CardTools,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new Run(process.ExitCode, output.GetAwaiter().GetResult(), errors.GetAwaiter().GetResult());
    }
}
