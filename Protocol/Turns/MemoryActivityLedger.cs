using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using SecretBot.Protocol.Schema;
using SecretBot.Protocol.Configuration;

namespace SecretBot.Protocol.Turns;

/// <summary>
/// The re-send ledger of one instance (<see cref="IActivityLedger"/>), per conversation; an invoke's
/// response is kept, as JSON bytes, to answer the re-send the same way. Keys are 128-bit keyed
/// digests: no id is kept in clear. The bound is in bytes, not in entries: a message-extension search
/// is an invoke per pause in typing, each answered with some 30 KB of cards, and kept as objects each
/// cost about 56 KB for ten minutes.
/// </summary>
public sealed class MemoryActivityLedger(TimeSpan window, KeyedDigest digest) : IActivityLedger, IDisposable
{
    /// <summary>An entry weighs one unit, plus one per 512 bytes of the response it keeps: about 100 MB of responses at most.</summary>
    private const int UnitBytes = 512;
    private const long Capacity = 200_000;
    private static readonly object NoResponse = new();
    private readonly MemoryCache _handled = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public ValueTask<HandledActivity?> FindAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (Key(activity) is not { } key || !_handled.TryGetValue(key, out var value))
        {
            return ValueTask.FromResult<HandledActivity?>(null);
        }

        return ValueTask.FromResult<HandledActivity?>(value is Remembered remembered
            ? new HandledActivity(new InvokeResponse(remembered.Status,
                remembered.Json is null ? null : JsonSerializer.Deserialize<JsonElement>(remembered.Json)))
            : HandledActivity.WithoutResponse);
    }

    public ValueTask MarkHandledAsync(Activity activity, InvokeResponse? response, CancellationToken cancellationToken)
    {
        if (Key(activity) is not { } key)
        {
            return ValueTask.CompletedTask;
        }

        var json = response?.Body is { } body ? JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), ProtocolJson.Options) : null;
        _handled.Set(key, response is null ? NoResponse : new Remembered(response.Status, json), new MemoryCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = window,
            Size = 1 + (json?.Length ?? 0) / UnitBytes,
        });
        return ValueTask.CompletedTask;
    }

    public void Dispose() => _handled.Dispose();

    private (ulong, ulong)? Key(Activity activity)
    {
        if (string.IsNullOrEmpty(activity.Id))
        {
            return null;
        }

        return digest.Pair($"{activity.Conversation?.Id}\n{activity.Id}");
    }

    private sealed record Remembered(int Status, byte[]? Json);
}
