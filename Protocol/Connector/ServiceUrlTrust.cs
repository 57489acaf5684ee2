using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SecretBot.Protocol.Connector;

/// <summary>
/// The hosts the bot sends its connector token to (docs/protocol.md §2): Microsoft's Bot Framework
/// and Teams hosts, hosts named in <c>Connector:TrustedHosts</c>, and loopback in Development or in
/// anonymous local mode. Outside Development only https leaves the machine. Checked before a
/// token is attached; a refused host gets nothing, and is logged once.
/// </summary>
public sealed partial class ServiceUrlTrust
{
    /// <summary>Teams' public service URLs live on these hosts; GCC and other Teams rings under teams.microsoft.com.</summary>
    public static readonly IReadOnlyList<string> MicrosoftHosts = ["smba.trafficmanager.net", "*.botframework.com", "*.teams.microsoft.com"];

    private const int MaxRemembered = 256;
    private readonly bool _development;
    private readonly bool _anonymous;
    private readonly string[] _hosts;
    private readonly ConcurrentDictionary<string, byte> _refused = new(StringComparer.OrdinalIgnoreCase);
    private readonly ILogger _logger;

    public ServiceUrlTrust(bool development, bool anonymous, IEnumerable<string> configuredHosts, ILogger<ServiceUrlTrust> logger)
    {
        _development = development;
        _anonymous = anonymous;
        _hosts = [.. MicrosoftHosts, .. configuredHosts];
        _logger = logger;
    }

    public bool IsTrusted(Uri url)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return false;
        }

        var loopback = url.IsLoopback;
        if (url.Scheme == Uri.UriSchemeHttp && !_development && !loopback)
        {
            return false;
        }

        if (_anonymous && !_development)
        {
            // Anonymous mode outside Development sends no token, but must not become an open relay.
            return loopback;
        }

        return (loopback && (_development || _anonymous)) || _hosts.Any(pattern => Matches(pattern, url.IdnHost));
    }

    /// <summary>Whether the bot may answer to <paramref name="url"/>; the first refusal of each host is logged.</summary>
    public bool Check(Uri url)
    {
        if (IsTrusted(url))
        {
            return true;
        }

        if (_refused.Count < MaxRemembered && _refused.TryAdd(url.IdnHost, 0))
        {
            LogRefused(url.Scheme, url.IdnHost);
        }

        return false;
    }

    private static bool Matches(string pattern, string host) => pattern.StartsWith("*.", StringComparison.Ordinal)
        ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1
        : string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);

    // A host is not an id: it names a service, never a conversation or a person.
    [LoggerMessage(EventId = 202, Level = LogLevel.Warning,
        Message = "A serviceUrl on {Scheme}://{Host} is not trusted: nothing is sent there (add the host to Connector:TrustedHosts if it is genuine).")]
    private partial void LogRefused(string scheme, string host);
}
