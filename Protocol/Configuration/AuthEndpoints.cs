using Microsoft.Extensions.Configuration;

namespace SecretBot.Protocol.Configuration;

/// <summary>
/// Where the bot finds signing keys and tokens. The defaults are Microsoft's public endpoints;
/// tests point them at local servers on loopback (section <c>Auth</c>). Outside Development each
/// must be https (loopback apart): the metadata decides which keys are trusted, and the token
/// endpoint receives the client secret.
/// </summary>
public sealed record AuthEndpoints
{
    public Uri BotFrameworkMetadata { get; init; } =
        new("https://login.botframework.com/v1/.well-known/openidconfiguration");

    public Uri EntraMetadata { get; init; } =
        new("https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration");

    /// <summary>Client-credentials token endpoint; <c>{tenant}</c> is replaced by <c>botframework.com</c> or the bot's tenant.</summary>
    public string TokenEndpoint { get; init; } = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token";

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
        return endpoints;
    }
}
