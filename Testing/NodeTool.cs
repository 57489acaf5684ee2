using System.Diagnostics;

namespace SecretBot.Testing;

/// <summary>
/// A folder of tools/ whose scripts run with node on their pinned npm packages (package-lock.json),
/// installed with <c>npm ci</c> first when they are missing.
/// </summary>
public sealed class NodeTool
{
    /// <summary>The official Adaptive Cards renderer.</summary>
    public static readonly NodeTool Cards = new("cards", "adaptivecards");

    /// <summary>Microsoft's Teams app manifest validator.</summary>
    public static readonly NodeTool Manifest = new("manifest", "@microsoft/teams-manifest");

    private readonly string _folder;
    private readonly Lazy<string?> _install;

    private NodeTool(string name, string package)
    {
        _folder = Path.Combine(RepositoryPaths.Root, "tools", name);
        _install = new Lazy<string?>(() => InstallIfMissing(name, package));
    }

    public sealed record Run(int ExitCode, string Output, string Errors);

    public Run Node(string script, params string[] arguments)
    {
        if (_install.Value is { } failure)
            Assert.Fail(failure);
        return Start("node", [script, .. arguments]);
    }

    private string? InstallIfMissing(string name, string package)
    {
        if (Directory.Exists(Path.Combine(_folder, "node_modules", package)))
            return null;
        var install = Start("npm", ["ci", "--no-audit", "--no-fund"]);
        return install.ExitCode == 0
            ? null
            : $"`npm ci` in tools/{name} failed ({install.ExitCode}); run ./test.sh or `npm ci` there by hand.\n{install.Errors}";
    }

    private Run Start(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = _folder,
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
