using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SecretBot.Testing;

public static class FreePort
{
    private static readonly ConcurrentDictionary<int, bool> HandedOut = new();

    /// <summary>
    /// A loopback port nobody listens on right now, for programs that must be told their port, and
    /// never one this process handed out before. The kernel gives a port back as soon as it is
    /// released, so two fixtures built before either program had bound its port could be told the
    /// same one (and share one Redis, which one of them then kills).
    /// </summary>
    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (HandedOut.TryAdd(port, true))
            {
                return port;
            }
        }
    }
}
