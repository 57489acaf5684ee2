using Microsoft.Identity.Client;
using SecretBot.Protocol.Configuration;

namespace SecretBot.Protocol.Connector;

/// <summary>
/// Tokens for a SingleTenant or MultiTenant bot by the client-credentials flow, through MSAL's
/// confidential client (docs/protocol.md §2): from the bot's own tenant, or <c>botframework.com</c>
/// for a multi-tenant bot, with a secret, a certificate or a federated token.
/// </summary>
public sealed class ClientCredentialsTokenProvider : MsalTokenProvider
{
    public const string Scope = "https://api.botframework.com/.default";
    private static readonly string[] Scopes = [Scope];
    private readonly IConfidentialClientApplication _application;

    public ClientCredentialsTokenProvider(BotCredentials credentials, ClientCredential credential, AuthEndpoints endpoints,
        IMsalHttpClientFactory http, TimeProvider clock, ILogger<ClientCredentialsTokenProvider> logger)
        : base(clock, logger)
    {
        TokenAuthority = endpoints.TokenAuthority(credentials.TokenTenant);
        var builder = ConfidentialClientApplicationBuilder.Create(credentials.AppId)
            // MSAL would retry a 5xx once after a second; the bot's TokenRetryPause already decides
            // when to ask again.
            .WithHttpClientFactory(http, retryOnceOn5xx: false);
        // Microsoft's endpoint is an authority MSAL knows and validates. Another one (a local token
        // endpoint in the tests) is taken as given: no validation, no instance discovery, so that
        // MSAL asks nothing but its token endpoint.
        builder = endpoints.IsMicrosoftTokenEndpoint
            ? builder.WithAuthority(TokenAuthority.AbsoluteUri)
            : builder.WithAuthority(TokenAuthority.AbsoluteUri, validateAuthority: false).WithInstanceDiscovery(false);
        _application = credential.ApplyTo(builder).Build();
    }

    /// <summary>The authority MSAL asks, whose token endpoint is <c>{authority}/oauth2/v2.0/token</c>.</summary>
    public Uri TokenAuthority { get; }

    protected override string Source => "the token endpoint";

    protected override Task<AuthenticationResult> AcquireAsync(bool forceRefresh, CancellationToken cancellationToken) =>
        _application.AcquireTokenForClient(Scopes).WithForceRefresh(forceRefresh).ExecuteAsync(cancellationToken);
}
