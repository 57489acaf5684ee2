using SecretBot.Protocol.Configuration;

namespace SecretBot.Protocol.Auth;

/// <summary>Who may sign the tokens the bot accepts (docs/protocol.md §1).</summary>
public static class TrustedIssuers
{
    /// <summary>The issuer of tokens that the Bot Framework channels (Teams among them) send.</summary>
    public const string BotFrameworkChannel = "https://api.botframework.com";

    /// <summary>The Entra tenants in which the Bot Framework's own services obtain tokens.</summary>
    public static readonly IReadOnlyList<string> BotFrameworkTenants =
        ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a"];

    /// <summary>
    /// Entra issuers (v1 and v2 forms) accepted for Emulator and Playground tokens: the Bot Framework
    /// tenants, plus the bot's own tenant for a single-tenant bot or a managed identity.
    /// </summary>
    public static IReadOnlySet<string> Entra(BotCredentials credentials)
    {
        var tenants = BotFrameworkTenants.ToList();
        if (credentials.AppType != AppType.MultiTenant && credentials.TenantId is { } own)
        {
            tenants.Add(own);
        }

        return tenants
            .SelectMany(t => new[] { $"https://sts.windows.net/{t}/", $"https://login.microsoftonline.com/{t}/v2.0" })
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
