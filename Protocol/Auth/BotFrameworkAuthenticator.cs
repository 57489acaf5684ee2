using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using SecretBot.Protocol.Configuration;

namespace SecretBot.Protocol.Auth;

/// <summary>
/// Validates inbound tokens: Bot Framework channel tokens (issuer, audience, lifetime, signature,
/// the channel, the key's endorsement for it, the <c>serviceurl</c> claim) and Entra-issued tokens
/// from the Emulator or the Agents Playground (tenant issuers, audience, <c>ver</c>, the caller's
/// app id, the tenant claim), when the <see cref="CallerPolicy"/> accepts them.
/// </summary>
public sealed partial class BotFrameworkAuthenticator(
    BotCredentials credentials,
    CallerPolicy policy,
    SigningKeySource channelKeys,
    SigningKeySource entraKeys,
    ILogger<BotFrameworkAuthenticator> logger) : IRequestAuthenticator
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] Algorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly JsonWebTokenHandler _handler = new();
    private readonly IReadOnlySet<string> _entraIssuers = TrustedIssuers.Entra(credentials);

    public async Task<AuthOutcome> AuthenticateAsync(string? authorizationHeader, string? channelId, string? serviceUrl,
        CancellationToken cancellationToken)
    {
        // Local mode: the Playground without credentials sends no token, the Emulator may send one it
        // cannot get checked; neither is checked, as only a developer's machine runs this way.
        if (credentials.IsAnonymous)
        {
            return AuthOutcome.Anonymous;
        }

        if (authorizationHeader is null || !authorizationHeader.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse("no bearer token");
        }

        var token = authorizationHeader["Bearer ".Length..].Trim();
        JsonWebToken unverified;
        try
        {
            unverified = _handler.ReadJsonWebToken(token);
        }
        catch (Exception exception) when (exception is ArgumentException or SecurityTokenMalformedException)
        {
            return Refuse("malformed token");
        }

        var outcome = unverified.Issuer switch
        {
            TrustedIssuers.BotFrameworkChannel => await ChannelAsync(token, unverified, channelId, serviceUrl, cancellationToken),
            var issuer when _entraIssuers.Contains(issuer) => await EntraAsync(token, unverified, cancellationToken),
            _ => AuthOutcome.Refused("issuer not trusted"),
        };
        return outcome.IsAuthenticated ? outcome : Refuse(outcome.Reason ?? "refused", outcome.Status);
    }

    private async Task<AuthOutcome> ChannelAsync(string token, JsonWebToken unverified, string? channelId, string? serviceUrl,
        CancellationToken cancellationToken)
    {
        var (configuration, keyProblem) = await KeysForAsync(channelKeys, unverified.Kid, cancellationToken);
        if (configuration is null)
        {
            return keyProblem!;
        }

        var result = await ValidateAsync(token, configuration, [TrustedIssuers.BotFrameworkChannel]);
        if (!result.IsValid)
        {
            return AuthOutcome.Refused(Describe(result.Exception));
        }

        // Endorsements and the channel are compared as the reference does: ordinal, exact.
        if (channelId is null || !Endorsements(configuration, unverified.Kid).Contains(channelId, StringComparer.Ordinal))
        {
            return AuthOutcome.Refused("signing key not endorsed for the activity's channel");
        }

        if (!policy.Channels.Contains(channelId))
        {
            return AuthOutcome.Refused("channel not served by this bot");
        }

        if (!unverified.TryGetPayloadValue<string>("serviceurl", out var claimed) || string.IsNullOrEmpty(claimed))
        {
            return AuthOutcome.Refused("no serviceurl claim");
        }

        return string.Equals(claimed, serviceUrl, StringComparison.OrdinalIgnoreCase)
            ? AuthOutcome.Accepted(null)
            : AuthOutcome.Refused("serviceurl claim differs from the activity's serviceUrl");
    }

    private async Task<AuthOutcome> EntraAsync(string token, JsonWebToken unverified, CancellationToken cancellationToken)
    {
        if (!policy.AllowEntraTokens)
        {
            return AuthOutcome.Refused("Entra-issued tokens are not accepted here (Auth:AllowEntraTokens)");
        }

        var (configuration, keyProblem) = await KeysForAsync(entraKeys, unverified.Kid, cancellationToken);
        if (configuration is null)
        {
            return keyProblem!;
        }

        var result = await ValidateAsync(token, configuration, _entraIssuers);
        if (!result.IsValid)
        {
            return AuthOutcome.Refused(Describe(result.Exception));
        }

        return EntraClaims.Check(unverified, credentials.AppId!, policy.AllowedCallers);
    }

    private static async Task<(OpenIdConnectConfiguration? Configuration, AuthOutcome? Problem)> KeysForAsync(
        SigningKeySource source, string? kid, CancellationToken cancellationToken)
    {
        var configuration = await source.GetAsync(cancellationToken);
        if (configuration is not null && !HasKey(configuration, kid))
        {
            configuration = await source.RefreshForUnknownKeyAsync(cancellationToken);
        }

        return configuration switch
        {
            null => (null, AuthOutcome.KeysUnavailable("signing keys not available yet; try again shortly")),
            _ when !HasKey(configuration, kid) => (null, AuthOutcome.Refused("unknown signing key")),
            _ => (configuration, null),
        };
    }

    private async Task<TokenValidationResult> ValidateAsync(string token, OpenIdConnectConfiguration configuration,
        IEnumerable<string> issuers) =>
        await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuers = issuers,
            ValidAudience = credentials.AppId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = Algorithms,
            ClockSkew = ClockSkew,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
        });

    private static bool HasKey(OpenIdConnectConfiguration configuration, string? kid) =>
        kid is not null && configuration.JsonWebKeySet?.Keys.Any(k => k.Kid == kid) == true;

    /// <summary>The channels a key may sign for: the non-standard <c>endorsements</c> member of the JWKS entry.</summary>
    private static IEnumerable<string> Endorsements(OpenIdConnectConfiguration configuration, string? kid)
    {
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == kid);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value))
        {
            return [];
        }

        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray(),
            IEnumerable<object> items => items.Select(i => i?.ToString() ?? "").ToArray(),
            _ => [],
        };
    }

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "token expired",
        SecurityTokenNotYetValidException => "token not yet valid",
        SecurityTokenInvalidAudienceException => "audience is not this bot",
        SecurityTokenInvalidIssuerException => "issuer not trusted",
        SecurityTokenSignatureKeyNotFoundException => "unknown signing key",
        SecurityTokenInvalidSignatureException => "bad signature",
        SecurityTokenInvalidAlgorithmException => "signing algorithm not accepted",
        SecurityTokenNoExpirationException => "token has no expiry",
        _ => "token invalid",
    };

    private AuthOutcome Refuse(string reason, int status = 401)
    {
        LogRefused(reason, status);
        return status == 503 ? AuthOutcome.KeysUnavailable(reason) : AuthOutcome.Refused(reason);
    }

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Inbound request refused ({Status}): {Reason}")]
    private partial void LogRefused(string reason, int status);
}
