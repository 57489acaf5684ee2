using Microsoft.Extensions.Configuration;

namespace SecretBot.Protocol.Configuration;

/// <summary>
/// Where the bot finds signing keys and tokens. The defaults are Microsoft's public endpoints;
/// tests point them at local servers on loopback (section <c>Auth</c>). Outside Development each
/// must be https (loopback apart): the metadata decides which keys are trusted, and the token
/// endpoint receives the bot's credential. The token endpoint is https everywhere (MSAL's rule).
/// </summary>
public sealed record AuthEndpoints
{
    public const string MicrosoftTokenEndpoint = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token";

    private const string TokenPath = "/{tenant}/oauth2/v2.0/token";

    public Uri BotFrameworkMetadata { get; init; } =
        new("https://login.botframework.com/v1/.well-known/openidconfiguration");

    public Uri EntraMetadata { get; init; } =
        new("https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration");

    /// <summary>
    /// Client-credentials token endpoint; <c>{tenant}</c> is replaced by <c>botframework.com</c> or the
    /// bot's tenant. Always <c>https://host[:port]/{tenant}/oauth2/v2.0/token</c>: MSAL is given the
    /// authority <c>https://host[:port]/{tenant}</c> and derives this endpoint from it.
    /// </summary>
    public string TokenEndpoint { get; init; } = MicrosoftTokenEndpoint;

    /// <summary>The MSAL authority whose token endpoint is <see cref="TokenEndpoint"/> for <paramref name="tenant"/>.</summary>
    public Uri TokenAuthority(string tenant) =>
        new(TokenEndpoint[..^TokenPath.Length] + "/" + Uri.EscapeDataString(tenant));

    /// <summary>Microsoft's own token endpoint, which MSAL knows; any other is a local one for tests.</summary>
    public bool IsMicrosoftTokenEndpoint => TokenEndpoint == MicrosoftTokenEndpoint;

    public TimeSpan MetadataRefreshInterval { get; init; } = TimeSpan.FromHours(12);

    public static AuthEndpoints From(IConfiguration configuration, bool development)
    {
        var section = configuration.GetSection("Auth");
        var defaults = new AuthEndpoints();
        var endpoints = new AuthEndpoints
        {
            BotFrameworkMetadata = Settings.AbsoluteUri(section, "BotFrameworkMetadataUrl") ?? defaults.BotFrameworkMetadata,
            EntraMetadata = Settings.AbsoluteUri(section, "EntraMetadataUrl") ?? defaults.EntraMetadata,
            TokenEndpoint = section["TokenEndpoint"] is { Length: > 0 } token ? token.Trim() : defaults.TokenEndpoint,
            MetadataRefreshInterval = Settings.Duration(section, "MetadataRefreshInterval") ?? defaults.MetadataRefreshInterval,
        };
        Settings.SecureUri(Settings.Name(section, "BotFrameworkMetadataUrl"), endpoints.BotFrameworkMetadata, development);
        Settings.SecureUri(Settings.Name(section, "EntraMetadataUrl"), endpoints.EntraMetadata, development);
        var tokenSetting = Settings.Name(section, "TokenEndpoint");
        var sample = endpoints.TokenEndpoint.Replace("{tenant}", "tenant", StringComparison.Ordinal);
        if (!Uri.TryCreate(sample, UriKind.Absolute, out var tokenUri) || (tokenUri.Scheme != Uri.UriSchemeHttps && tokenUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new SettingException(tokenSetting, $"'{endpoints.TokenEndpoint}' is not an absolute http(s) URL.");
        }

        Settings.SecureUri(tokenSetting, tokenUri, development);
        // MSAL sends credentials only to an https authority, loopback included, and builds the token
        // endpoint's path itself.
        if (tokenUri.Scheme != Uri.UriSchemeHttps || !endpoints.TokenEndpoint.EndsWith(TokenPath, StringComparison.Ordinal)
            || endpoints.TokenEndpoint[..^TokenPath.Length].Contains('{') || tokenUri.AbsolutePath != "/tenant/oauth2/v2.0/token"
            || tokenUri.Query.Length > 0)
        {
            throw new SettingException(tokenSetting, $"'{endpoints.TokenEndpoint}' must have the form https://<host>{TokenPath}.");
        }

        return endpoints;
    }
}
