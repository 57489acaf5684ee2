using Microsoft.Extensions.Configuration;
using SecretBot.Protocol.Configuration;

namespace SecretBot.Protocol.Connector;

/// <summary>
/// How hard the bot tries to deliver (section <c>Connector</c>). Teams throttles per conversation
/// (7 sends a second, 60 per 30 s): retries back off exponentially with jitter and honour
/// Retry-After, within a bounded number of attempts and a bounded total time.
/// </summary>
public sealed record ConnectorOptions
{
    public int MaxAttempts { get; init; } = 5;

    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Hosts trusted beside Microsoft's, as <c>host</c> or <c>*.domain</c> (see <see cref="ServiceUrlTrust"/>).</summary>
    public IReadOnlyList<string> TrustedHosts { get; init; } = [];

    public static ConnectorOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Connector");
        var defaults = new ConnectorOptions();
        var options = defaults with
        {
            MaxAttempts = Settings.Int(section, "MaxAttempts", 1, 20) ?? defaults.MaxAttempts,
            FirstRetryDelay = Settings.Duration(section, "FirstRetryDelay") ?? defaults.FirstRetryDelay,
            AttemptTimeout = Settings.Duration(section, "AttemptTimeout") ?? defaults.AttemptTimeout,
            TotalTimeout = Settings.Duration(section, "TotalTimeout") ?? defaults.TotalTimeout,
            TrustedHosts = Settings.List(section, "TrustedHosts"),
        };
        return options.TotalTimeout < options.AttemptTimeout
            ? throw new SettingException("Connector:TotalTimeout", "must be at least Connector:AttemptTimeout.")
            : options;
    }
}
