using System.Net;
using System.Net.Sockets;

namespace SecretBot.Bot.Tests.Infrastructure;

public static class FreePort
{
    /// <summary>A loopback port nobody listens on right now, for programs that must be told their port.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
