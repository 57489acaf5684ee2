namespace SecretBot.Dialogs.State;

public enum StateProvider { Memory, Redis }

/// <summary>Where and how long state lives (configuration section <c>State</c>).</summary>
public sealed record StateOptions
{
    public StateProvider Provider { get; init; } = StateProvider.Memory;

    /// <summary>StackExchange.Redis connection string, for the Redis provider.</summary>
    public string? Redis { get; init; }

    /// <summary>A conversation left alone this long starts afresh.</summary>
    public TimeSpan ConversationTtl { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Preferences (jurisdiction, language) are forgotten after this long unused.</summary>
    public TimeSpan UserTtl { get; init; } = TimeSpan.FromDays(90);
}
