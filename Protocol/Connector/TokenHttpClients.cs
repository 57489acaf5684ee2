using System.Net.Security;
using Microsoft.Identity.Client;

namespace SecretBot.Protocol.Connector;

/// <summary>
/// The HTTP client MSAL uses for the token endpoint, from the host's factory: no request logs, the
/// connector's attempt timeout, and no redirects (a redirected request would carry the bot's
/// credential to another host).
/// </summary>
public sealed class TokenHttpClients(IHttpClientFactory factory) : IMsalHttpClientFactory
{
    public const string Name = "connector-token";

    public HttpClient GetHttpClient() => factory.CreateClient(Name);

    /// <summary>
    /// On a loopback token endpoint (the tests' local one) the server's certificate is not checked:
    /// nothing crosses the network there, as plain http on loopback is already accepted for the
    /// other endpoints (docs/protocol.md §1). Anywhere else the usual validation applies.
    /// </summary>
    public static HttpMessageHandler Handler(Uri tokenAuthority) => new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        SslOptions = tokenAuthority.IsLoopback
            ? new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true }
            : new SslClientAuthenticationOptions(),
    };
}
