using Microsoft.Identity.Client;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace SecretBot.Protocol.Connector;

/// <summary>
/// A connector token obtained through MSAL (docs/protocol.md §2), with the bot's own rules around it:
/// the token is kept until shortly before it expires and read without a lock on every call; one
/// refresh at a time; after a failure the next request waits a growing pause
/// (<see cref="TokenRetryPause"/>), so that an outage costs one request per pause, not one per turn;
/// a token the connector refused is dropped and the next one fetched past MSAL's cache. An outage
/// is logged once, when it starts, and once when it ends, with a reason and no secret.
/// </summary>
public abstract partial class MsalTokenProvider : IAccessTokenProvider, IDisposable
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly TokenRetryPause _pause;
    private volatile CachedToken? _token;
    private volatile bool _forceRefresh;
    private bool _outage;

    protected MsalTokenProvider(TimeProvider clock, ILogger logger)
    {
        _clock = clock;
        _logger = logger;
        _pause = new TokenRetryPause(clock);
    }

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_token is { } cached && cached.RefreshAfter > _clock.GetUtcNow())
        {
            return cached.Value;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have refreshed while this one waited.
            if (_token is { } fresh && fresh.RefreshAfter > _clock.GetUtcNow())
            {
                return fresh.Value;
            }

            if (_pause.IsWaiting)
            {
                throw new TokenUnavailableException($"{Source} failed moments ago; waiting before asking again");
            }

            AuthenticationResult result;
            try
            {
                result = await AcquireAsync(_forceRefresh, cancellationToken);
            }
            catch (Exception exception) when (IsOutage(exception, cancellationToken))
            {
                _pause.Failed();
                var reason = Describe(exception);
                if (!_outage)
                {
                    _outage = true;
                    LogOutage(reason);
                }

                throw new TokenUnavailableException(reason, exception);
            }

            _forceRefresh = false;
            _pause.Succeeded();
            if (_outage)
            {
                _outage = false;
                LogRecovered();
            }

            _token = new CachedToken(result.AccessToken, RefreshAfter(result.ExpiresOn));
            return result.AccessToken;
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
            // MSAL would hand back the same token from its cache: the next request skips it.
            _forceRefresh = true;
            _token = null;
        }
    }

    public void Dispose()
    {
        _refresh.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Who issues the tokens, as the log and the exception name it ("the token endpoint").</summary>
    protected abstract string Source { get; }

    /// <summary>One request through MSAL; <paramref name="forceRefresh"/> skips MSAL's cache.</summary>
    protected abstract Task<AuthenticationResult> AcquireAsync(bool forceRefresh, CancellationToken cancellationToken);

    /// <summary>
    /// Refresh five minutes before expiry (MSAL's own cache stops handing out a token then too, so
    /// the refresh reaches the endpoint), or at half-life for short-lived tokens.
    /// </summary>
    private DateTimeOffset RefreshAfter(DateTimeOffset expiresOn)
    {
        var lifetime = expiresOn - _clock.GetUtcNow();
        var margin = lifetime > RefreshMargin * 2 ? RefreshMargin : lifetime / 2;
        return expiresOn - margin;
    }

    private static bool IsOutage(Exception exception, CancellationToken cancellationToken) =>
        exception is MsalException or HttpRequestException or IOException or UnauthorizedAccessException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    /// <summary>What went wrong, for an operator: a status, MSAL's error code or the exception's type; never a message that might quote a credential.</summary>
    private string Describe(Exception exception) => exception switch
    {
        MsalServiceException { StatusCode: > 0 } service => $"{Source} answered {service.StatusCode} ({service.ErrorCode})",
        MsalServiceException service => $"{Source} could not be reached or did not answer in time ({service.ErrorCode})",
        MsalException msal => $"{Source} could not be asked ({msal.ErrorCode})",
        IOException or UnauthorizedAccessException => $"the credential file could not be read ({exception.GetType().Name})",
        _ => $"{Source} could not be reached or read ({exception.GetType().Name})",
    };

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAfter);

    [LoggerMessage(EventId = 210, Level = LogLevel.Error, Message = "Cannot get a connector token: {Reason}. No reply can be sent until it is back.")]
    private partial void LogOutage(string reason);

    [LoggerMessage(EventId = 211, Level = LogLevel.Information, Message = "Connector token available again.")]
    private partial void LogRecovered();
}
