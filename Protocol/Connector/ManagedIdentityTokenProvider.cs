using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace SecretBot.Protocol.Connector;

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

    private readonly TokenRetryPause _pause = new(TimeProvider.System);
    private string? _last;
    private volatile bool _forceRefresh;

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_pause.IsWaiting)
        {
            throw new TokenUnavailableException("the managed identity endpoint failed moments ago; waiting before asking again");
        }

        try
        {
            var result = await _identity.AcquireTokenForManagedIdentity(Resource).WithForceRefresh(_forceRefresh)
                .ExecuteAsync(cancellationToken);
            _forceRefresh = false;
            _pause.Succeeded();
            return _last = result.AccessToken;
        }
        catch (MsalException exception)
        {
            _pause.Failed();
            throw new TokenUnavailableException($"the managed identity endpoint refused or failed ({exception.ErrorCode})", exception);
        }
    }

    public void Invalidate(string refusedToken) => _forceRefresh |= refusedToken == _last;
}

/// <summary>Anonymous local mode: replies go out without a token.</summary>
public sealed class NoTokenProvider : IAccessTokenProvider
{
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);

    public void Invalidate(string refusedToken)
    {
    }
}
