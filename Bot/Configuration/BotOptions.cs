using Microsoft.Extensions.Configuration;

namespace SecretBot.Bot.Configuration;

/// <summary>The <c>Bot</c> section: how the host behaves, apart from identity and state.</summary>
public sealed record BotOptions
{
    public const int DefaultMaxRequestBytes = 256 * 1024;

    public bool AllowAnonymous { get; init; }

    /// <summary>Requests with a larger body are refused with 413 before they are parsed.</summary>
    public int MaxRequestBytes { get; init; } = DefaultMaxRequestBytes;

    /// <summary>How long a turn may run before the user sees a typing indicator.</summary>
    public TimeSpan TypingDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long an activity id is remembered to recognise Teams' re-sends.</summary>
    public TimeSpan DuplicateWindow { get; init; } = TimeSpan.FromMinutes(10);

    public static BotOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Bot");
        var options = new BotOptions();
        return options with
        {
            AllowAnonymous = Flag(section, "AllowAnonymous") ?? options.AllowAnonymous,
            MaxRequestBytes = PositiveInt(section, "MaxRequestBytes") ?? options.MaxRequestBytes,
            TypingDelay = Duration(section, "TypingDelay") ?? options.TypingDelay,
            DuplicateWindow = Duration(section, "DuplicateWindow") ?? options.DuplicateWindow,
        };
    }

    private static bool? Flag(IConfigurationSection section, string key) => section[key] switch
    {
        null or "" => null,
        var text when bool.TryParse(text, out var value) => value,
        var text => throw new SettingException($"Bot:{key}", $"'{text}' is not true or false."),
    };

    private static int? PositiveInt(IConfigurationSection section, string key) => section[key] switch
    {
        null or "" => null,
        var text when int.TryParse(text, out var value) && value > 0 => value,
        var text => throw new SettingException($"Bot:{key}", $"'{text}' is not a positive whole number."),
    };

    private static TimeSpan? Duration(IConfigurationSection section, string key) => section[key] switch
    {
        null or "" => null,
        var text when TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value)
                      && value >= TimeSpan.Zero => value,
        var text => throw new SettingException($"Bot:{key}", $"'{text}' is not a time span (hh:mm:ss)."),
    };
}
