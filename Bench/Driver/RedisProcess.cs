using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace SecretBot.Bench.Driver;

/// <summary>
/// A redis-server (Debian's, as the tests use) on a free loopback port for the scale-out part, with
/// no persistence, in a temporary folder; its CPU time is read from /proc for the figures.
/// </summary>
public sealed class RedisProcess : IAsyncDisposable
{
    public const string Binary = "/usr/bin/redis-server";
    private readonly Process _process;
    private readonly string _dir;

    private RedisProcess(Process process, string dir, int port) => (_process, _dir, Port) = (process, dir, port);

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisProcess> StartAsync()
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing (apt-get install redis-server; ./test.sh installs it).");
        }

        var port = HostProcess.FreePort();
        var dir = Directory.CreateTempSubdirectory("secretbot-bench-redis").FullName;
        var process = Process.Start(new ProcessStartInfo(Binary)
        {
            ArgumentList = { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var redis = new RedisProcess(process, dir, port);
        for (var i = 0; i < 200 && !process.HasExited; i++)
        {
            if (await redis.CommandAsync("PING") == "+PONG")
            {
                return redis;
            }

            await Task.Delay(50);
        }

        await redis.DisposeAsync();
        throw new InvalidOperationException($"redis-server did not answer on port {port}.");
    }

    /// <summary>CPU time the server used since it started (user and system), from /proc.</summary>
    public double CpuMilliseconds()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        // The fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
    }

    /// <summary>Memory the server uses for its data, from INFO memory.</summary>
    public async Task<long> UsedMemoryBytesAsync()
    {
        var info = await CommandAsync("INFO memory");
        var line = info.Split('\n').FirstOrDefault(l => l.StartsWith("used_memory:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line["used_memory:".Length..].Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>Empties the server between two parts, so that each starts from nothing.</summary>
    public Task FlushAsync() => CommandAsync("FLUSHALL");

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>One inline command and its whole answer (a bulk string's body, or the status line).</summary>
    private async Task<string> CommandAsync(string command)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            var stream = client.GetStream();
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(command + "\r\n"));
            var buffer = new byte[64 * 1024];
            var read = await stream.ReadAsync(buffer);
            var answer = System.Text.Encoding.ASCII.GetString(buffer, 0, read);
            if (!answer.StartsWith('$'))
            {
                return answer.TrimEnd('\r', '\n');
            }

            var header = answer.IndexOf("\r\n", StringComparison.Ordinal);
            var length = int.Parse(answer[1..header], CultureInfo.InvariantCulture);
            var body = new System.Text.StringBuilder(answer[(header + 2)..]);
            while (body.Length < length)
            {
                read = await stream.ReadAsync(buffer);
                body.Append(System.Text.Encoding.ASCII.GetString(buffer, 0, read));
            }

            return body.ToString(0, length);
        }
        catch (SocketException)
        {
            return "";
        }
    }
}
