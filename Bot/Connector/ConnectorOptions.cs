using Microsoft.Extensions.Configuration;
using SecretBot.Bot.Configuration;

namespace SecretBot.Bot.Connector;

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

    public static ConnectorOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Connector");
        var defaults = new ConnectorOptions();
        var options = defaults with
        {
            MaxAttempts = section["MaxAttempts"] is { Length: > 0 } attempts
                ? int.TryParse(attempts, out var n) && n is >= 1 and <= 20
                    ? n
                    : throw new SettingException("Connector:MaxAttempts", $"'{attempts}' is not a whole number from 1 to 20.")
                : defaults.MaxAttempts,
            FirstRetryDelay = Duration(section, "FirstRetryDelay") ?? defaults.FirstRetryDelay,
            AttemptTimeout = Duration(section, "AttemptTimeout") ?? defaults.AttemptTimeout,
            TotalTimeout = Duration(section, "TotalTimeout") ?? defaults.TotalTimeout,
        };
        return options.TotalTimeout < options.AttemptTimeout
            ? throw new SettingException("Connector:TotalTimeout", "must be at least Connector:AttemptTimeout.")
            : options;
    }

    private static TimeSpan? Duration(IConfigurationSection section, string key) => section[key] switch
    {
        null or "" => null,
        var text when TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value)
                      && value > TimeSpan.Zero => value,
        var text => throw new SettingException($"Connector:{key}", $"'{text}' is not a positive time span (hh:mm:ss)."),
    };
}
