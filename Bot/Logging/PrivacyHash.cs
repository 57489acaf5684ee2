using System.Security.Cryptography;
using System.Text;

namespace SecretBot.Bot.Logging;

/// <summary>
/// Turns an identifier into a short, stable, non-reversible tag for logs and metrics, so that a
/// log line can be correlated with others without naming a conversation or a person.
/// </summary>
public static class PrivacyHash
{
    public static string Of(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "none";
        }

        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(value), digest);
        return Convert.ToHexStringLower(digest[..6]);
    }
}
