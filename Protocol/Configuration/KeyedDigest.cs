using System.Security.Cryptography;
using System.Text;

namespace SecretBot.Protocol.Configuration;

/// <summary>
/// The one digest of ids that the bot writes anywhere: store keys and log tags. It is an HMAC
/// with a secret key (<c>Privacy:DigestKey</c>), so whoever reads a store dump or a log cannot
/// confirm which conversation or person a key names, even knowing their Teams ids.
/// </summary>
public sealed class KeyedDigest
{
    public const int MinimumKeyBytes = 32;
    private readonly byte[] _key;

    public KeyedDigest(byte[] key)
    {
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"A digest key has at least {MinimumKeyBytes} bytes.", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <summary>A short tag for logs: 12 hex digits, or "none".</summary>
    public string Tag(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return "none";
        }

        Span<byte> digest = stackalloc byte[32];
        Compute(id, digest);
        return Convert.ToHexStringLower(digest[..6]);
    }

    /// <summary>A 144-bit digest in URL-safe base64, for store keys.</summary>
    public string Key(string id)
    {
        Span<byte> digest = stackalloc byte[32];
        Compute(id, digest);
        return Convert.ToBase64String(digest[..18]).Replace('/', '_').Replace('+', '-');
    }

    /// <summary>A 128-bit digest as two numbers, for in-memory keys.</summary>
    public (ulong, ulong) Pair(string id)
    {
        Span<byte> digest = stackalloc byte[32];
        Compute(id, digest);
        return (BitConverter.ToUInt64(digest), BitConverter.ToUInt64(digest[8..]));
    }

    private void Compute(string id, Span<byte> digest) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(id), digest);
}
