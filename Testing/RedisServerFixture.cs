using System.Diagnostics;
using System.Net.Sockets;

namespace SecretBot.Testing;

/// <summary>
/// A real redis-server (Debian's, installed by ./test.sh) on a free loopback port, with no
/// persistence, in a temporary folder. It can be stopped and started again on the same port to
/// play an outage.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    public const string Binary = "/usr/bin/redis-server";
    private readonly string _dir = Directory.CreateTempSubdirectory("secretbot-redis").FullName;
    private Process? _server;

    public int Port { get; } = FreePort.Next();

    public string ConnectionString => $"127.0.0.1:{Port}";

    public Task InitializeAsync() => StartAsync();

    public async Task StartAsync()
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing; run ./test.sh, which installs Debian's redis-server.");
        }

        _server = Process.Start(new ProcessStartInfo(Binary)
        {
            ArgumentList = { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _dir },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        for (var i = 0; i < 200 && !_server.HasExited; i++)
        {
            if (await PingAsync())
            {
                // Whoever answers must be this server: a stop must stop what the tests talk to.
                var serving = await ServingProcessAsync();
                if (serving != _server.Id)
                {
                    throw new InvalidOperationException($"Port {Port} is served by another redis-server (process {serving}).");
                }

                return;
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException(_server.HasExited
            ? $"redis-server exited with {_server.ExitCode} before serving port {Port} (was the port taken?)."
            : $"redis-server did not answer on port {Port}.");
    }

    public async Task StopAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill();
            await _server.WaitForExitAsync();
        }

        _server?.Dispose();
        _server = null;
    }

    /// <summary>
    /// Every key and value in the server, for privacy scans: hashes (conversations, preferences) as
    /// <c>key=field:value;…</c>, strings (the re-send ledger, turn leases) as <c>key=value</c>.
    /// </summary>
    public async Task<string> DumpAsync()
    {
        using var redis = await ConnectAsAdminAsync();
        var server = redis.GetServer(ConnectionString);
        var db = redis.GetDatabase();
        var dump = new System.Text.StringBuilder();
        await foreach (var key in server.KeysAsync(pattern: "*"))
        {
            var type = await db.KeyTypeAsync(key);
            if (type == StackExchange.Redis.RedisType.None)
            {
                continue; // expired or deleted since the scan listed it
            }

            dump.Append(key).Append('=');
            if (type == StackExchange.Redis.RedisType.String)
            {
                dump.Append((string?)await db.StringGetAsync(key));
            }
            else
            {
                foreach (var entry in await db.HashGetAllAsync(key))
                {
                    dump.Append(entry.Name).Append(':').Append(System.Text.Encoding.UTF8.GetString((byte[])entry.Value!)).Append(';');
                }
            }

            dump.AppendLine();
        }

        return dump.ToString();
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>The process id of the redis-server answering on the port.</summary>
    private async Task<int> ServingProcessAsync()
    {
        await using var redis = await ConnectAsAdminAsync();
        var info = await redis.GetServer(ConnectionString).InfoAsync("server");
        return int.Parse(info.SelectMany(section => section).First(field => field.Key == "process_id").Value);
    }

    /// <summary>A connection that may run the server commands (KEYS, INFO) the fixture needs.</summary>
    private Task<StackExchange.Redis.ConnectionMultiplexer> ConnectAsAdminAsync() =>
        StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(ConnectionString + ",allowAdmin=true");

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return read > 0 && buffer[0] == (byte)'+';
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
