using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using SecretBot.Bench.Hosting;

namespace SecretBot.Bench.Driver;

/// <summary>
/// A bot process the driver started on a loopback port: its output goes to a log file, its figures
/// come from <c>/bench/stats</c>, and it is killed (by its own handle) when the driver is done with it.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Process _process;
    private readonly StreamWriter _log;

    private HostProcess(Process process, StreamWriter log, Uri baseUrl, long startedAt)
    {
        (_process, _log, BaseUrl, StartedAt) = (process, log, baseUrl, startedAt);
    }

    public Uri BaseUrl { get; }

    /// <summary>Stopwatch timestamp taken just before the process was started.</summary>
    public long StartedAt { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The bench host in <paramref name="mode"/>, ready to serve.</summary>
    public static async Task<HostProcess> StartBenchHostAsync(BenchMode mode, Dictionary<string, string> settings, string logName)
    {
        var port = FreePort();
        var host = Launch([RepositoryLayout.BenchDll, "host", mode.Name(), "--urls", $"http://127.0.0.1:{port}"],
            settings, port, logName);
        await host.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        return host;
    }

    /// <summary>Starts <c>dotnet ARGS</c> with the settings as environment variables, and returns at once.</summary>
    public static HostProcess Launch(string[] arguments, Dictionary<string, string> settings, int port, string logName)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryLayout.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in BotSettings.AsEnvironment(settings))
        {
            start.Environment[key] = value;
        }

        var log = new StreamWriter(RepositoryLayout.Artifacts(logName), append: false) { AutoFlush = true };
        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        process.OutputDataReceived += (_, line) => Write(log, line.Data);
        process.ErrorDataReceived += (_, line) => Write(log, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new HostProcess(process, log, new Uri($"http://127.0.0.1:{port}/"), startedAt);
    }

    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The bot process exited with code {_process.ExitCode}; see its log in artifacts/bench.");
            }

            try
            {
                using var response = await Probe.GetAsync(new Uri(BaseUrl, "healthz"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The bot process did not answer /healthz within {timeout.TotalSeconds} s.");
    }

    public async Task<HostStats> StatsAsync(bool fullCollection) =>
        (await Probe.GetFromJsonAsync<HostStats>(new Uri(BaseUrl, $"{BenchHost.StatsPath.TrimStart('/')}?gc={fullCollection}")))!;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        await _log.DisposeAsync();
    }

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }
}
