using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SecretBot.Bench.Peers;

/// <summary>
/// A local token issuer for auth mode: the Bot Framework channel's OpenID metadata and JWKS (its key
/// endorsed for <c>msteams</c>), Entra's (so the bot never looks further than loopback), and channel
/// tokens signed RS256 as Teams sends them.
/// </summary>
public sealed class TestIssuer : IDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";
    private const string ChannelKid = "bench-channel-key";
    private const string EntraKid = "bench-entra-key";
    private readonly RSA _channelKey = RSA.Create(2048);
    private readonly RSA _entraKey = RSA.Create(2048);

    /// <summary>Where the app that serves this issuer listens; known once it has started.</summary>
    public Uri BaseUrl { get; set; } = null!;

    public Uri BotFrameworkMetadataUrl => new(BaseUrl, "openid/botframework/.well-known/openidconfiguration");

    public Uri EntraMetadataUrl => new(BaseUrl, "openid/entra/.well-known/openid-configuration");

    public void Map(WebApplication app)
    {
        app.MapGet("/openid/botframework/.well-known/openidconfiguration", () => Metadata(ChannelIssuer, "openid/botframework/keys"));
        app.MapGet("/openid/botframework/keys", () => Keys(_channelKey, ChannelKid, "msteams"));
        app.MapGet("/openid/entra/.well-known/openid-configuration",
            () => Metadata("https://login.microsoftonline.com/{tenantid}/v2.0", "openid/entra/keys"));
        app.MapGet("/openid/entra/keys", () => Keys(_entraKey, EntraKid));
    }

    /// <summary>A channel token for the bot <paramref name="audience"/>, valid for an hour, naming the connector it may answer.</summary>
    public string ChannelToken(string audience, Uri serviceUrl)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = ChannelIssuer,
            Audience = audience,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl.AbsoluteUri },
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_channelKey) { KeyId = ChannelKid },
                SecurityAlgorithms.RsaSha256),
        });
    }

    public void Dispose()
    {
        _channelKey.Dispose();
        _entraKey.Dispose();
    }

    private IResult Metadata(string issuer, string keysPath) => Results.Json(new JsonObject
    {
        ["issuer"] = issuer,
        ["authorization_endpoint"] = new Uri(BaseUrl, "authorize").AbsoluteUri,
        ["jwks_uri"] = new Uri(BaseUrl, keysPath).AbsoluteUri,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    });

    private static IResult Keys(RSA key, string kid, params string[] endorsements)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        var entry = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (endorsements.Length > 0)
        {
            entry["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode)e).ToArray());
        }

        return Results.Json(new JsonObject { ["keys"] = new JsonArray(entry) });
    }
}
