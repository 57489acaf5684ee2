using System.Diagnostics;

namespace SecretBot.Bot.Tests.Infrastructure;

/// <summary>
/// The real Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground, pinned in
/// tools/playground) started against a bot, in Teams mode, on a free port. It calls xdg-open at
/// start and exits when that fails, so a no-op xdg-open goes first on its PATH.
/// </summary>
public sealed class PlaygroundProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _shim;

    private PlaygroundProcess(Process process, string shim, Uri url)
    {
        _process = process;
        _shim = shim;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<PlaygroundProcess> StartAsync(Uri botMessagesUrl)
    {
        var cli = RepositoryPaths.InRoot("tools", "playground", "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"The Agents Playground is not installed ({cli}); run ./test.sh, which installs it.");
        }

        var shim = Directory.CreateTempSubdirectory("secretbot-xdg").FullName;
        var opener = Path.Combine(shim, "xdg-open");
        await File.WriteAllTextAsync(opener, "#!/bin/sh\nexit 0\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(opener, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var port = FreePort.Next();
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { cli, "-e", botMessagesUrl.ToString(), "-c", "msteams", "-p", port.ToString(), "--disable-telemetry" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // It writes a devTools/ log folder where it runs: keep that out of the repository.
            WorkingDirectory = shim,
        };
        start.Environment["PATH"] = shim + ":" + Environment.GetEnvironmentVariable("PATH");
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            // The Playground falls back to a random port when ours was taken meanwhile: believe what it prints.
            if (e.Data?.StartsWith("Listening on ", StringComparison.Ordinal) == true
                && int.TryParse(e.Data["Listening on ".Length..].Trim(), out var actual))
            {
                listening.TrySetResult(actual);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var started = await Task.WhenAny(listening.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (started != listening.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("The Agents Playground did not start listening within 60 s.");
        }

        return new PlaygroundProcess(process, shim, new Uri($"http://localhost:{listening.Task.Result}/"));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_shim, recursive: true);
    }
}
