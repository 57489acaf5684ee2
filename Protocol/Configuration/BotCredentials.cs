using Microsoft.Extensions.Configuration;

namespace SecretBot.Protocol.Configuration;

/// <summary>
/// The kinds of Azure Bot identity. Azure creates only <see cref="SingleTenant"/> and
/// <see cref="UserAssignedMSI"/> bots since 31 July 2025; <see cref="MultiTenant"/> is accepted for
/// registrations made before, which keep working.
/// </summary>
public enum AppType { SingleTenant, UserAssignedMSI, MultiTenant }

/// <summary>How a SingleTenant or MultiTenant bot proves who it is when it asks for a connector token.</summary>
public enum ClientCredentialKind { None, Secret, Certificate, FederatedToken }

/// <summary>
/// The bot's identity, read from the standard Bot Framework keys (<c>MicrosoftAppType</c>,
/// <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>) and, for a
/// credential without a secret, <c>MicrosoftAppCertificatePath</c> (with
/// <c>MicrosoftAppCertificatePassword</c>) or <c>MicrosoftAppFederatedTokenFile</c>.
/// No app id means anonymous local mode.
/// </summary>
public sealed record BotCredentials(AppType AppType, string? AppId, string? Password, string? TenantId)
{
    public const string TypeSetting = "MicrosoftAppType";
    public const string PasswordSetting = "MicrosoftAppPassword";
    public const string TenantSetting = "MicrosoftAppTenantId";
    public const string CertificatePathSetting = "MicrosoftAppCertificatePath";
    public const string CertificatePasswordSetting = "MicrosoftAppCertificatePassword";
    public const string FederatedTokenFileSetting = "MicrosoftAppFederatedTokenFile";

    /// <summary>A PEM file (certificate and private key) or a PKCS#12 file (.pfx, .p12).</summary>
    public string? CertificatePath { get; init; }

    /// <summary>The PKCS#12 file's password, or the password of an encrypted PEM key.</summary>
    public string? CertificatePassword { get; init; }

    /// <summary>A file holding a signed client assertion, renewed by the platform (workload identity).</summary>
    public string? FederatedTokenFile { get; init; }

    public bool IsAnonymous => string.IsNullOrWhiteSpace(AppId);

    public ClientCredentialKind Credential => AppType == AppType.UserAssignedMSI || IsAnonymous ? ClientCredentialKind.None
        : Password is not null ? ClientCredentialKind.Secret
        : CertificatePath is not null ? ClientCredentialKind.Certificate
        : FederatedTokenFile is not null ? ClientCredentialKind.FederatedToken
        : ClientCredentialKind.None;

    /// <summary>The tenant that issues the bot's connector tokens: <c>botframework.com</c> for a multi-tenant bot, else its own.</summary>
    public string TokenTenant => AppType == AppType.MultiTenant ? "botframework.com" : TenantId!;

    public static BotCredentials From(IConfiguration configuration)
    {
        var typeText = configuration[TypeSetting];
        var type = AppType.SingleTenant;
        if (!string.IsNullOrWhiteSpace(typeText) && (!Enum.TryParse(typeText, ignoreCase: true, out type) || !Enum.IsDefined(type)))
        {
            throw new SettingException(TypeSetting,
                $"'{typeText}' is not one of SingleTenant, UserAssignedMSI, MultiTenant (MultiTenant only for a bot registered before 31 July 2025).");
        }

        var credentials = new BotCredentials(type,
            Blank(configuration["MicrosoftAppId"]),
            Blank(configuration[PasswordSetting]),
            Blank(configuration[TenantSetting]))
        {
            CertificatePath = Blank(configuration[CertificatePathSetting]),
            CertificatePassword = Blank(configuration[CertificatePasswordSetting]),
            FederatedTokenFile = Blank(configuration[FederatedTokenFileSetting]),
        };
        credentials.Validate();
        return credentials;
    }

    private void Validate()
    {
        if (IsAnonymous)
        {
            return;
        }

        if ((AppType is AppType.SingleTenant or AppType.UserAssignedMSI) && TenantId is null)
        {
            throw new SettingException(TenantSetting, AppType == AppType.SingleTenant
                ? $"a SingleTenant bot (the default type) needs its tenant id: the Directory (tenant) ID of app '{AppId}'."
                : "a UserAssignedMSI bot needs its tenant id.");
        }

        if (AppType == AppType.UserAssignedMSI)
        {
            return;
        }

        var given = new[] { (PasswordSetting, Password), (CertificatePathSetting, CertificatePath), (FederatedTokenFileSetting, FederatedTokenFile) }
            .Where(setting => setting.Item2 is not null).Select(setting => setting.Item1).ToArray();
        if (given.Length == 0)
        {
            throw new SettingException(PasswordSetting,
                $"a {AppType} bot needs a credential of app '{AppId}': a client secret ({PasswordSetting}), a certificate " +
                $"({CertificatePathSetting}) or a federated token file ({FederatedTokenFileSetting}).");
        }

        if (given.Length > 1)
        {
            throw new SettingException(given[1], $"set only one credential: {string.Join(" and ", given)} are both set.");
        }

        if (CertificatePassword is not null && CertificatePath is null)
        {
            throw new SettingException(CertificatePasswordSetting, $"is set, but {CertificatePathSetting} is not.");
        }
    }

    /// <summary>A record prints its members: this one leaves the secrets out.</summary>
    public override string ToString() => IsAnonymous ? "anonymous" : $"{AppType} bot {AppId} ({Credential})";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
