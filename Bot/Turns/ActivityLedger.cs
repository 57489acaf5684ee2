using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using SecretBot.Bot.Protocol;

namespace SecretBot.Bot.Turns;

/// <summary>
/// Remembers which activities were already handled, per conversation, so that Teams' re-send of a
/// slow activity (after 15 s) is not processed twice; an invoke's response is kept to answer the
/// re-send the same way. Keys are 128-bit digests: no id is kept in clear.
/// </summary>
public sealed class ActivityLedger(TimeSpan window) : IDisposable
{
    private static readonly object NoResponse = new();
    private readonly MemoryCache _handled = new(new MemoryCacheOptions { SizeLimit = 200_000 });

    public bool TryGetHandled(Activity activity, out InvokeResponse? response)
    {
        response = null;
        if (Key(activity) is not { } key || !_handled.TryGetValue(key, out var value))
        {
            return false;
        }

        response = value as InvokeResponse;
        return true;
    }

    public void MarkHandled(Activity activity, InvokeResponse? response)
    {
        if (Key(activity) is { } key)
        {
            _handled.Set(key, response ?? NoResponse, new MemoryCacheEntryOptions
            {
                AbsoluteExpirationRelativeToNow = window,
                Size = 1,
            });
        }
    }

    public void Dispose() => _handled.Dispose();

    private static (ulong, ulong)? Key(Activity activity)
    {
        if (string.IsNullOrEmpty(activity.Id))
        {
            return null;
        }

        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{activity.Conversation?.Id}\n{activity.Id}"), digest);
        return (BinaryPrimitives.ReadUInt64LittleEndian(digest), BinaryPrimitives.ReadUInt64LittleEndian(digest[8..]));
    }
}
