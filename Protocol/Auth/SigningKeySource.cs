using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace SecretBot.Protocol.Auth;

/// <summary>
/// One issuer's OpenID metadata and signing keys, fetched on first use, cached, refreshed every
/// refresh interval, and once more (at most every <see cref="ForcedRefreshSpacing"/>) when a token
/// names a key the cache does not know. When the metadata server is down, the last good keys stay
/// in use; with none yet, callers get null (the request is refused, never accepted unchecked) and
/// the fetch is retried with a growing pause.
/// </summary>
public sealed partial class SigningKeySource(
    Uri metadataUrl,
    HttpClient http,
    TimeSpan refreshInterval,
    TimeProvider clock,
    ILogger logger) : IDisposable
{
    public static readonly TimeSpan ForcedRefreshSpacing = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxRetryPause = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _fetch = new(1, 1);
    private OpenIdConnectConfiguration? _configuration;
    private DateTimeOffset _fetchedAt;
    private DateTimeOffset _nextAttempt;
    private DateTimeOffset _nextForced;
    private TimeSpan _retryPause = TimeSpan.FromSeconds(1);

    /// <summary>How many times the metadata was fetched successfully (for tests and metrics).</summary>
    public int Fetches { get; private set; }

    public async Task<OpenIdConnectConfiguration?> GetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_configuration is { } cached && now - _fetchedAt < refreshInterval)
        {
            return cached;
        }

        return now >= _nextAttempt ? await FetchAsync(force: false, cancellationToken) : _configuration;
    }

    /// <summary>A token names a key we do not have: the keys may have rolled over since the last fetch.</summary>
    public async Task<OpenIdConnectConfiguration?> RefreshForUnknownKeyAsync(CancellationToken cancellationToken)
    {
        return clock.GetUtcNow() >= _nextForced ? await FetchAsync(force: true, cancellationToken) : _configuration;
    }

    public void Dispose() => _fetch.Dispose();

    private async Task<OpenIdConnectConfiguration?> FetchAsync(bool force, CancellationToken cancellationToken)
    {
        await _fetch.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            var alreadyFresh = _configuration is not null && now - _fetchedAt < refreshInterval;
            if ((!force && (alreadyFresh || now < _nextAttempt)) || (force && now < _nextForced))
            {
                return _configuration;
            }

            if (force)
            {
                _nextForced = now + ForcedRefreshSpacing;
            }

            try
            {
                var retriever = new HttpDocumentRetriever(http) { RequireHttps = metadataUrl.Scheme == Uri.UriSchemeHttps };
                _configuration = await OpenIdConnectConfigurationRetriever.GetAsync(metadataUrl.AbsoluteUri, retriever,
                    cancellationToken);
                _fetchedAt = now;
                _nextAttempt = now;
                _retryPause = TimeSpan.FromSeconds(1);
                Fetches++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                _nextAttempt = now + _retryPause;
                LogFetchFailed(metadataUrl.Host, exception.GetType().Name, _retryPause.TotalSeconds, _configuration is not null);
                _retryPause = TimeSpan.FromTicks(Math.Min(_retryPause.Ticks * 2, MaxRetryPause.Ticks));
            }

            return _configuration;
        }
        finally
        {
            _fetch.Release();
        }
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Warning,
        Message = "OpenID metadata from {Host} unavailable ({Error}); next try in {PauseSeconds} s; previous keys kept: {HaveKeys}")]
    private partial void LogFetchFailed(string host, string error, double pauseSeconds, bool haveKeys);
}
