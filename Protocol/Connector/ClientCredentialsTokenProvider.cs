using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using SecretBot.Protocol.Configuration;

namespace SecretBot.Protocol.Connector;

/// <summary>
/// Tokens for the connector by the OAuth client-credentials flow (docs/protocol.md §2): the
/// <c>botframework.com</c> tenant for a multi-tenant bot, the bot's own tenant for a single-tenant
/// one. The token is cached and refreshed ahead of expiry, one refresh at a time; after a failure
/// the next request waits a growing pause (<see cref="TokenRetryPause"/>), and a token the connector
/// refused is dropped once.
/// </summary>
public sealed partial class ClientCredentialsTokenProvider(
    HttpClient http,
    BotCredentials credentials,
    AuthEndpoints endpoints,
    TimeProvider clock,
    ILogger<ClientCredentialsTokenProvider> logger) : IAccessTokenProvider, IDisposable
{
    public const string Scope = "https://api.botframework.com/.default";
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly TokenRetryPause _pause = new(clock);
    private CachedToken? _token;
    private bool _outage;

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_token is { } cached && cached.RefreshAfter > clock.GetUtcNow())
        {
            return cached.Value;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have refreshed while this one waited.
            if (_token is { } fresh && fresh.RefreshAfter > clock.GetUtcNow())
            {
                return fresh.Value;
            }

            if (_pause.IsWaiting)
            {
                throw new TokenUnavailableException("the token endpoint failed moments ago; waiting before asking again");
            }

            try
            {
                _token = await RequestAsync(cancellationToken);
            }
            catch (TokenUnavailableException)
            {
                _pause.Failed();
                throw;
            }

            _pause.Succeeded();
            return _token.Value;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Invalidate(string refusedToken)
    {
        if (_token is { } current && current.Value == refusedToken)
        {
            _token = null;
        }
    }

    public Uri TokenEndpoint => new(endpoints.TokenEndpoint.Replace("{tenant}",
        credentials.AppType == AppType.SingleTenant ? credentials.TenantId : "botframework.com", StringComparison.Ordinal));

    public void Dispose() => _refresh.Dispose();

    private async Task<CachedToken> RequestAsync(CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = credentials.AppId!,
            ["client_secret"] = credentials.Password!,
            ["scope"] = Scope,
        });

        TokenAnswer? answer;
        try
        {
            using var response = await http.PostAsync(TokenEndpoint, form, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw Outage($"the token endpoint answered {(int)response.StatusCode}");
            }

            answer = await response.Content.ReadFromJsonAsync<TokenAnswer>(cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or System.Text.Json.JsonException
                                              || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw Outage($"the token endpoint could not be reached or read ({exception.GetType().Name})", exception);
        }

        if (answer?.AccessToken is not { Length: > 0 } token || answer.ExpiresIn <= 0)
        {
            throw Outage("the token endpoint's answer has no access_token or expires_in");
        }

        if (_outage)
        {
            _outage = false;
            LogRecovered();
        }

        var lifetime = TimeSpan.FromSeconds(answer.ExpiresIn);
        // Refresh five minutes early, or at half-life for short-lived tokens.
        var margin = lifetime > RefreshMargin * 2 ? RefreshMargin : lifetime / 2;
        return new CachedToken(token, clock.GetUtcNow() + lifetime - margin);
    }

    private TokenUnavailableException Outage(string reason, Exception? inner = null)
    {
        if (!_outage)
        {
            _outage = true;
            LogOutage(reason);
        }

        return new TokenUnavailableException(reason, inner);
    }

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAfter);

    private sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    [LoggerMessage(EventId = 210, Level = LogLevel.Error, Message = "Cannot get a connector token: {Reason}. No reply can be sent until it is back.")]
    private partial void LogOutage(string reason);

    [LoggerMessage(EventId = 211, Level = LogLevel.Information, Message = "Connector token available again.")]
    private partial void LogRecovered();
}
