using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SecretBot.Bot.Tests.Infrastructure;

/// <summary>A test signing key: an RSA key pair, its key id, and the channels it is endorsed for.</summary>
public sealed class TestKey(string kid, params string[] endorsements)
{
    public string Kid { get; } = kid;

    public string[] Endorsements { get; } = endorsements;

    public RSA Rsa { get; } = RSA.Create(2048);

    public SigningCredentials Credentials(string algorithm = SecurityAlgorithms.RsaSha256) =>
        new(new RsaSecurityKey(Rsa) { KeyId = Kid }, algorithm);
}

/// <summary>Makes tokens like Teams (Bot Framework channel) and Entra (Emulator, Playground) send, with any flaw a test needs.</summary>
public static class TestTokens
{
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string BotFrameworkTenant = "d6d49420-f39b-4df7-a1dc-d59a935871db";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static string Channel(TestKey key, string audience, string? serviceUrl, string issuer = ChannelIssuer,
        DateTime? notBefore = null, DateTime? expires = null, string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        return Create(key, issuer, audience, claims, notBefore, expires, algorithm);
    }

    /// <summary>
    /// An Entra token, v1 (<c>sts.windows.net</c>, <c>appid</c>) or v2 (<c>login.microsoftonline.com</c>, <c>azp</c>).
    /// <paramref name="version"/> overrides the <c>ver</c> claim ("" leaves it out); <paramref name="tenantClaim"/> the <c>tid</c> claim.
    /// </summary>
    public static string Entra(TestKey key, string audience, string tenant, string callerAppId, bool v2 = false,
        DateTime? expires = null, string? version = null, string? tenantClaim = null)
    {
        var issuer = v2 ? $"https://login.microsoftonline.com/{tenant}/v2.0" : $"https://sts.windows.net/{tenant}/";
        var claims = new Dictionary<string, object>
        {
            [v2 ? "azp" : "appid"] = callerAppId,
            ["tid"] = tenantClaim ?? tenant,
        };
        if (version != "")
        {
            claims["ver"] = version ?? (v2 ? "2.0" : "1.0");
        }

        return Create(key, issuer, audience, claims, null, expires, SecurityAlgorithms.RsaSha256);
    }

    private static string Create(TestKey key, string issuer, string audience, Dictionary<string, object> claims,
        DateTime? notBefore, DateTime? expires, string algorithm)
    {
        var now = DateTime.UtcNow;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = (notBefore ?? now.AddMinutes(-1)).AddSeconds(-1),
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddHours(1),
            SigningCredentials = key.Credentials(algorithm),
        });
    }
}
