using Microsoft.Extensions.Configuration;

namespace SecretBot.Bot.Configuration;

/// <summary>
/// Where the bot finds signing keys and tokens. The defaults are Microsoft's public endpoints;
/// tests point them at local servers on loopback (section <c>Auth</c>).
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

    public static AuthEndpoints From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Auth");
        var defaults = new AuthEndpoints();
        return new AuthEndpoints
        {
            BotFrameworkMetadata = AbsoluteUri(section, "BotFrameworkMetadataUrl") ?? defaults.BotFrameworkMetadata,
            EntraMetadata = AbsoluteUri(section, "EntraMetadataUrl") ?? defaults.EntraMetadata,
            TokenEndpoint = section["TokenEndpoint"] is { Length: > 0 } token ? token : defaults.TokenEndpoint,
            MetadataRefreshInterval = section["MetadataRefreshInterval"] is { Length: > 0 } interval
                ? TimeSpan.TryParse(interval, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed > TimeSpan.Zero
                    ? parsed
                    : throw new SettingException("Auth:MetadataRefreshInterval", $"'{interval}' is not a positive time span (hh:mm:ss).")
                : defaults.MetadataRefreshInterval,
        };
    }

    private static Uri? AbsoluteUri(IConfigurationSection section, string key)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
            ? uri
            : throw new SettingException($"Auth:{key}", $"'{text}' is not an absolute URL.");
    }
}
