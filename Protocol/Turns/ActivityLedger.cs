using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using SecretBot.Protocol.Schema;
using SecretBot.Protocol.Configuration;

namespace SecretBot.Protocol.Turns;

/// <summary>
/// Remembers which activities were already handled, per conversation, so that Teams' re-send of a
/// slow activity (after 15 s) is not processed twice; an invoke's response is kept, as JSON bytes,
/// to answer the re-send the same way. Keys are 128-bit keyed digests: no id is kept in clear. The bound
/// is in bytes, not in entries: a message-extension search is an invoke per pause in typing, each
/// answered with some 30 KB of cards, and kept as objects each cost about 56 KB for ten minutes.
/// </summary>
public sealed class ActivityLedger(TimeSpan window, KeyedDigest digest) : IDisposable
{
    /// <summary>An entry weighs one unit, plus one per 512 bytes of the response it keeps: about 100 MB of responses at most.</summary>
    private const int UnitBytes = 512;
    private const long Capacity = 200_000;
    private static readonly object NoResponse = new();
    private readonly MemoryCache _handled = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public bool TryGetHandled(Activity activity, out InvokeResponse? response)
    {
        response = null;
        if (Key(activity) is not { } key || !_handled.TryGetValue(key, out var value))
        {
            return false;
        }

        if (value is Remembered remembered)
        {
            response = new InvokeResponse(remembered.Status,
                remembered.Json is null ? null : JsonSerializer.Deserialize<JsonElement>(remembered.Json));
        }

        return true;
    }

    public void MarkHandled(Activity activity, InvokeResponse? response)
    {
        if (Key(activity) is not { } key)
        {
            return;
        }

        var json = response?.Body is { } body ? JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), ProtocolJson.Options) : null;
        _handled.Set(key, response is null ? NoResponse : new Remembered(response.Status, json), new MemoryCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = window,
            Size = 1 + (json?.Length ?? 0) / UnitBytes,
        });
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
