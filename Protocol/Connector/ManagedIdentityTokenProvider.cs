using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace SecretBot.Protocol.Connector;

/// <summary>
/// Tokens for a bot that runs as a user-assigned managed identity: MSAL's managed identity
/// application asks the hosting platform's identity endpoint for the Bot Framework resource (and
/// retries it as that endpoint needs), with the same cache, pause and logs as the other identities.
/// </summary>
public sealed class ManagedIdentityTokenProvider(string clientId, TimeProvider clock, ILogger<ManagedIdentityTokenProvider> logger)
    : MsalTokenProvider(clock, logger)
{
    public const string Resource = "https://api.botframework.com";

    private readonly IManagedIdentityApplication _identity = ManagedIdentityApplicationBuilder
        .Create(ManagedIdentityId.WithUserAssignedClientId(clientId))
        .Build();

    protected override string Source => "the managed identity endpoint";

    protected override Task<AuthenticationResult> AcquireAsync(bool forceRefresh, CancellationToken cancellationToken) =>
        _identity.AcquireTokenForManagedIdentity(Resource).WithForceRefresh(forceRefresh).ExecuteAsync(cancellationToken);
}

/// <summary>Anonymous local mode: replies go out without a token.</summary>
public sealed class NoTokenProvider : IAccessTokenProvider
{
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);

    public void Invalidate(string refusedToken)
    {
    }
}
