using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace SecretBot.Bot.Connector;

/// <summary>
/// Tokens for a bot that runs as a user-assigned managed identity: MSAL asks the hosting platform's
/// identity endpoint for the Bot Framework resource, and caches the token itself.
/// </summary>
public sealed class ManagedIdentityTokenProvider(string clientId) : IAccessTokenProvider
{
    public const string Resource = "https://api.botframework.com";

    private readonly IManagedIdentityApplication _identity = ManagedIdentityApplicationBuilder
        .Create(ManagedIdentityId.WithUserAssignedClientId(clientId))
        .Build();

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await _identity.AcquireTokenForManagedIdentity(Resource).ExecuteAsync(cancellationToken);
            return result.AccessToken;
        }
        catch (MsalException exception)
        {
            throw new TokenUnavailableException($"the managed identity endpoint refused or failed ({exception.ErrorCode})", exception);
        }
    }
}

/// <summary>Anonymous local mode: replies go out without a token.</summary>
public sealed class NoTokenProvider : IAccessTokenProvider
{
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}
