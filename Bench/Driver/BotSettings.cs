using SecretBot.Bench.Hosting;
using SecretBot.Bench.Peers;

namespace SecretBot.Bench.Driver;

/// <summary>
/// The bot's configuration in each mode, production-like: Production environment, French, Belgium,
/// log level Warning (the per-turn Information line is off, as an operator would run it), the
/// in-memory state store; auth mode with an app id and every identity endpoint on the local sink.
/// </summary>
public static class BotSettings
{
    public const string Environment = "Production";
    public const string LogLevel = "Warning";
    public const string AppId = "5e7c0b07-0000-4000-8000-00000000be7c";

    /// <summary>A deployed bot is given its digest key; 32 bytes, fixed for the bench.</summary>
    public const string DigestKey = "YmVuY2gtZGlnZXN0LWtleS0wMTIzNDU2Nzg5YWJjZGVm";

    /// <param name="expiry">For the soak: how long conversations and the record of handled activities are kept.</param>
    public static Dictionary<string, string> For(BenchMode mode, LocalConnector sink, TimeSpan? expiry = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Bot:Language"] = "fr",
            ["Bot:DefaultJurisdiction"] = "BE",
            ["Logging:LogLevel:Default"] = LogLevel,
            ["Logging:LogLevel:Microsoft.AspNetCore"] = LogLevel,
            ["State:Provider"] = "Memory",
        };
        if (mode == BenchMode.Auth)
        {
            settings["MicrosoftAppType"] = "MultiTenant";
            settings["MicrosoftAppId"] = AppId;
            settings["MicrosoftAppPassword"] = "bench-secret";
            settings["Auth:BotFrameworkMetadataUrl"] = sink.Issuer.BotFrameworkMetadataUrl.AbsoluteUri;
            settings["Auth:EntraMetadataUrl"] = sink.Issuer.EntraMetadataUrl.AbsoluteUri;
            settings["Auth:TokenEndpoint"] = sink.TokenEndpointTemplate;
            settings["Connector:TrustedHosts"] = "127.0.0.1";
            settings["Privacy:DigestKey"] = DigestKey;
        }
        else
        {
            settings["Bot:AllowAnonymous"] = "true";
        }

        if (expiry is { } lifetime)
        {
            // Both hold per-turn memory: with only the TTL short, the 10-minute record of handled
            // activities (kept for Teams' re-sends, invoke answers included) would grow all soak long.
            settings["State:ConversationTtl"] = lifetime.ToString("c");
            settings["Bot:DuplicateWindow"] = lifetime.ToString("c");
        }

        return settings;
    }

    /// <summary>The same settings as environment variables for a child process (<c>Section__Key</c>).</summary>
    public static Dictionary<string, string> AsEnvironment(Dictionary<string, string> settings)
    {
        var environment = settings.ToDictionary(pair => pair.Key.Replace(":", "__"), pair => pair.Value);
        environment["ASPNETCORE_ENVIRONMENT"] = Environment;
        return environment;
    }
}
