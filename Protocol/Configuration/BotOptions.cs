using Microsoft.Extensions.Configuration;

namespace SecretBot.Protocol.Configuration;

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

    /// <summary>
    /// Several instances: how long a conversation's turn lease lasts in Redis without being renewed.
    /// The instance running the turn renews it every third of this; one that dies frees the
    /// conversation after this long at most.
    /// </summary>
    public TimeSpan TurnLease { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Several instances: how long a turn waits for its conversation's turn on another instance before it is refused with 503.</summary>
    public TimeSpan TurnWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// On shutdown, how long the turns under way get to finish before they are cancelled; no new
    /// request is taken meanwhile. Zero cancels them at once.
    /// </summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public static BotOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Bot");
        var options = new BotOptions();
        return options with
        {
            AllowAnonymous = Settings.Flag(section, "AllowAnonymous") ?? options.AllowAnonymous,
            MaxRequestBytes = Settings.Int(section, "MaxRequestBytes", 1, 64 * 1024 * 1024) ?? options.MaxRequestBytes,
            TypingDelay = Settings.Duration(section, "TypingDelay", allowZero: true) ?? options.TypingDelay,
            DuplicateWindow = Settings.Duration(section, "DuplicateWindow") ?? options.DuplicateWindow,
            TurnLease = Settings.Duration(section, "TurnLease") ?? options.TurnLease,
            TurnWait = Settings.Duration(section, "TurnWait") ?? options.TurnWait,
            DrainTimeout = Settings.Duration(section, "DrainTimeout", allowZero: true) ?? options.DrainTimeout,
        };
    }
}
