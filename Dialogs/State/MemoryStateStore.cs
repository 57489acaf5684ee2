using Microsoft.Extensions.Caching.Memory;

namespace SecretBot.Dialogs.State;

/// <summary>
/// The default store: process memory with sliding expiry (each read or write keeps an entry
/// alive). Compare-and-set is a lock per store; the critical section is a dictionary lookup.
/// </summary>
public sealed class MemoryStateStore : IStateStore, IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { ExpirationScanFrequency = TimeSpan.FromSeconds(30) });

    private readonly Lock _writes = new();
    private long _version;

    public Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(_cache.TryGetValue(key, out StoredItem? item) ? item : null);

    public Task<WriteOutcome> WriteAsync(string key, byte[] value, string? expectedETag, TimeSpan timeToLive,
        CancellationToken cancellationToken)
    {
        lock (_writes)
        {
            var current = _cache.TryGetValue(key, out StoredItem? stored) ? stored : null;
            var matches = expectedETag switch
            {
                StoredItem.AnyETag => true,
                null => current is null,
                _ => current?.ETag == expectedETag,
            };
            if (!matches)
            {
                return Task.FromResult(WriteOutcome.Conflict);
            }

            var etag = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _cache.Set(key, new StoredItem(value, etag), new MemoryCacheEntryOptions { SlidingExpiration = timeToLive });
            return Task.FromResult(WriteOutcome.Ok(etag));
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        lock (_writes)
        {
            _cache.Remove(key);
        }

        return Task.CompletedTask;
    }

    /// <summary>Entries currently held (expired ones may linger until the next scan).</summary>
    public int Count => _cache.Count;

    /// <summary>Every key and value held, for privacy scans: what an operator's memory dump would show.</summary>
    public IEnumerable<(string Key, StoredItem Item)> Entries =>
        _cache.Keys.OfType<string>()
            .Select(key => (key, item: _cache.TryGetValue(key, out StoredItem? item) ? item : null))
            .Where(entry => entry.item is not null)
            .Select(entry => (entry.key, entry.item!));

    public void Dispose() => _cache.Dispose();
}
