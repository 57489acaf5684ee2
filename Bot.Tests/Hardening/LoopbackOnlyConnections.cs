using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using SecretBot.Protocol.Connector;

namespace SecretBot.Bot.Tests.Hardening;

/// <summary>
/// The bot's only way out while it is fuzzed: its connector HttpClient opens connections to the
/// local connector's port on 127.0.0.1 and nowhere else. A fuzzed activity names its own
/// serviceUrl and an anonymous bot replies to whatever it names, so anything else is refused before
/// a packet leaves, and recorded for the test to fail on.
/// </summary>
public sealed class LoopbackOnlyConnections(int allowedPort)
{
    private readonly ConcurrentQueue<string> _refused = new();

    /// <summary>Where the bot tried to connect and was not let through (host:port).</summary>
    public IReadOnlyCollection<string> Refused => _refused;

    /// <summary>Replaces the primary handler of the bot's connector HttpClient (the typed client is named after its interface).</summary>
    public void Install(IServiceCollection services) =>
        services.AddHttpClient(nameof(IConnectorClient))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { ConnectCallback = ConnectAsync });

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var target = context.DnsEndPoint;
        if (target.Port != allowedPort || !IsLoopback(target.Host))
        {
            _refused.Enqueue($"{target.Host}:{target.Port}");
            throw new HttpRequestException($"The fuzzed bot may only reach the local connector, not {target.Host}:{target.Port}.");
        }

        // Resolve nothing: a loopback name or address always means 127.0.0.1 here.
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, target.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
