using Microsoft.IdentityModel.JsonWebTokens;

namespace SecretBot.Protocol.Auth;

/// <summary>
/// The claims an Entra-issued token must carry once its signature, issuer, audience and lifetime
/// are good (docs/protocol.md §1, as botbuilder's emulator validation does):
/// <list type="bullet">
/// <item><c>ver</c> is 1.0 or 2.0, and matches the issuer's form (v1 <c>sts.windows.net</c>, v2
/// <c>login.microsoftonline.com/…/v2.0</c>);</item>
/// <item>the caller, <c>appid</c> (v1) or <c>azp</c> (v2), is the bot itself or an allowed caller:
/// a token another app obtained for the bot's audience is refused, since this path has no
/// <c>serviceurl</c> claim to bind where the bot replies;</item>
/// <item><c>tid</c> is the tenant the issuer names.</item>
/// </list>
/// </summary>
public static class EntraClaims
{
    private const string V1Prefix = "https://sts.windows.net/";
    private const string V2Prefix = "https://login.microsoftonline.com/";
    private const string V2Suffix = "/v2.0";

    public static AuthOutcome Check(JsonWebToken token, string botAppId, IReadOnlySet<string> allowedCallers)
    {
        if (!token.TryGetPayloadValue<string>("ver", out var version) || version is not ("1.0" or "2.0"))
        {
            return AuthOutcome.Refused("Entra token without a known 'ver' claim");
        }

        if (IssuerTenant(token.Issuer, version) is not { } issuerTenant)
        {
            return AuthOutcome.Refused("Entra token whose 'ver' does not match its issuer");
        }

        var callerClaim = version == "2.0" ? "azp" : "appid";
        if (!token.TryGetPayloadValue<string>(callerClaim, out var caller) || string.IsNullOrEmpty(caller))
        {
            return AuthOutcome.Refused($"no {callerClaim} claim naming the caller");
        }

        if (!string.Equals(caller, botAppId, StringComparison.OrdinalIgnoreCase) && !allowedCallers.Contains(caller))
        {
            return AuthOutcome.Refused($"the caller ({callerClaim}) is neither this bot nor an allowed caller");
        }

        return token.TryGetPayloadValue<string>("tid", out var tenant) && string.Equals(tenant, issuerTenant, StringComparison.OrdinalIgnoreCase)
            ? AuthOutcome.Accepted(caller)
            : AuthOutcome.Refused("the 'tid' claim differs from the issuer's tenant");
    }

    private static string? IssuerTenant(string issuer, string version) => version switch
    {
        "1.0" when issuer.StartsWith(V1Prefix, StringComparison.OrdinalIgnoreCase) && issuer.EndsWith('/') =>
            issuer[V1Prefix.Length..^1],
        "2.0" when issuer.StartsWith(V2Prefix, StringComparison.OrdinalIgnoreCase) && issuer.EndsWith(V2Suffix, StringComparison.OrdinalIgnoreCase) =>
            issuer[V2Prefix.Length..^V2Suffix.Length],
        _ => null,
    };
}
