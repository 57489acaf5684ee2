using Microsoft.Extensions.Configuration;

namespace SecretBot.Protocol.Configuration;

public enum AppType { MultiTenant, SingleTenant, UserAssignedMSI }

/// <summary>
/// The bot's identity, read from the standard Bot Framework keys (<c>MicrosoftAppType</c>,
/// <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>).
/// No app id means anonymous local mode.
/// </summary>
public sealed record BotCredentials(AppType AppType, string? AppId, string? Password, string? TenantId)
{
    public bool IsAnonymous => string.IsNullOrWhiteSpace(AppId);

    public static BotCredentials From(IConfiguration configuration)
    {
        var typeText = configuration["MicrosoftAppType"];
        var type = AppType.MultiTenant;
        if (!string.IsNullOrWhiteSpace(typeText) && !Enum.TryParse(typeText, ignoreCase: true, out type))
        {
            throw new SettingException("MicrosoftAppType",
                $"'{typeText}' is not one of MultiTenant, SingleTenant, UserAssignedMSI.");
        }

        var credentials = new BotCredentials(type,
            Blank(configuration["MicrosoftAppId"]),
            Blank(configuration["MicrosoftAppPassword"]),
            Blank(configuration["MicrosoftAppTenantId"]));
        credentials.Validate();
        return credentials;
    }

    private void Validate()
    {
        if (IsAnonymous)
        {
            return;
        }

        if (AppType == AppType.SingleTenant && TenantId is null)
        {
            throw new SettingException("MicrosoftAppTenantId", "a SingleTenant bot needs its tenant id.");
        }

        if (AppType != AppType.UserAssignedMSI && Password is null)
        {
            throw new SettingException("MicrosoftAppPassword",
                $"a {AppType} bot needs the client secret of app '{AppId}'.");
        }

        if (AppType == AppType.UserAssignedMSI && TenantId is null)
        {
            throw new SettingException("MicrosoftAppTenantId", "a UserAssignedMSI bot needs its tenant id.");
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
