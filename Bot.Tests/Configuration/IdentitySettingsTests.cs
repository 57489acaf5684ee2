using Microsoft.Extensions.Configuration;
using SecretBot.Protocol.Configuration;

namespace SecretBot.Bot.Tests.Configuration;

/// <summary>
/// The bot's identity settings: SingleTenant by default (Azure creates no new multi-tenant bots
/// since 31 July 2025), MultiTenant still accepted for an existing registration, exactly one
/// credential for a bot that has an app registration, and no secret ever printed.
/// </summary>
public sealed class IdentitySettingsTests
{
    private const string AppId = "7f0d1e5a-0000-4000-8000-000000000001";
    private const string Tenant = "7f0d1e5a-0000-4000-8000-0000000000aa";

    [Fact]
    public void TheDefaultTypeIsSingleTenantAndNeedsItsTenant()
    {
        var credentials = Read(new() { ["MicrosoftAppId"] = AppId, ["MicrosoftAppPassword"] = "secret", ["MicrosoftAppTenantId"] = Tenant });
        Assert.Equal(AppType.SingleTenant, credentials.AppType);
        Assert.Equal(Tenant, credentials.TokenTenant);
        Assert.Equal(ClientCredentialKind.Secret, credentials.Credential);

        var missing = Assert.Throws<SettingException>(() => Read(new() { ["MicrosoftAppId"] = AppId, ["MicrosoftAppPassword"] = "secret" }));
        Assert.Equal("MicrosoftAppTenantId", missing.Setting);
        Assert.Contains("SingleTenant", missing.Message);
    }

    [Fact]
    public void AnonymousLocalModeNeedsNoTenant()
    {
        Assert.True(Read([]).IsAnonymous);
    }

    [Fact]
    public void AnExistingMultiTenantRegistrationStillGetsItsTokensFromBotFramework()
    {
        var credentials = Read(new() { ["MicrosoftAppType"] = "MultiTenant", ["MicrosoftAppId"] = AppId, ["MicrosoftAppPassword"] = "secret" });
        Assert.Equal(AppType.MultiTenant, credentials.AppType);
        Assert.Equal("botframework.com", credentials.TokenTenant);
    }

    [Theory]
    [InlineData("MicrosoftAppCertificatePath", ClientCredentialKind.Certificate)]
    [InlineData("MicrosoftAppFederatedTokenFile", ClientCredentialKind.FederatedToken)]
    public void ACertificateOrAFederatedTokenReplacesTheSecret(string setting, ClientCredentialKind kind)
    {
        var credentials = Read(new() { ["MicrosoftAppId"] = AppId, ["MicrosoftAppTenantId"] = Tenant, [setting] = "/run/secrets/bot" });
        Assert.Equal(kind, credentials.Credential);
    }

    [Theory]
    [InlineData("MicrosoftAppType", "Sideways", "MicrosoftAppType")]
    [InlineData("MicrosoftAppType", "7", "MicrosoftAppType")]
    [InlineData("MicrosoftAppPassword", null, "MicrosoftAppPassword")]
    [InlineData("MicrosoftAppFederatedTokenFile", "/var/run/secrets/azure/tokens/azure-identity-token", "MicrosoftAppFederatedTokenFile")]
    [InlineData("MicrosoftAppCertificatePassword", "pfx-password", "MicrosoftAppCertificatePassword")]
    public void AMissingOrDoubledCredentialNamesItsSetting(string key, string? value, string expectedSetting)
    {
        var settings = new Dictionary<string, string?> { ["MicrosoftAppId"] = AppId, ["MicrosoftAppTenantId"] = Tenant, ["MicrosoftAppPassword"] = "secret" };
        settings[key] = value;

        var exception = Assert.Throws<SettingException>(() => Read(settings));
        Assert.Equal(expectedSetting, exception.Setting);
    }

    [Fact]
    public void AManagedIdentityNeedsItsTenantAndNoCredential()
    {
        var credentials = Read(new() { ["MicrosoftAppType"] = "UserAssignedMSI", ["MicrosoftAppId"] = AppId, ["MicrosoftAppTenantId"] = Tenant });
        Assert.Equal(ClientCredentialKind.None, credentials.Credential);
        var missing = Assert.Throws<SettingException>(() => Read(new() { ["MicrosoftAppType"] = "UserAssignedMSI", ["MicrosoftAppId"] = AppId }));
        Assert.Equal("MicrosoftAppTenantId", missing.Setting);
    }

    [Fact]
    public void TheCredentialsPrintWithoutTheirSecrets()
    {
        var credentials = Read(new() { ["MicrosoftAppId"] = AppId, ["MicrosoftAppTenantId"] = Tenant, ["MicrosoftAppPassword"] = "sentinel-secret" });
        Assert.DoesNotContain("sentinel-secret", credentials.ToString());
        Assert.DoesNotContain("sentinel-secret", $"{credentials with { }}");
    }

    private static BotCredentials Read(Dictionary<string, string?> settings) =>
        BotCredentials.From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
}
