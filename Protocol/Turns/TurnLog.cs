using SecretBot.Protocol.Schema;

namespace SecretBot.Protocol.Turns;

/// <summary>What of an activity may appear in a log: its kind, from a closed list.</summary>
public static class TurnLog
{
    private static readonly string[] KnownTypes =
    [
        ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate,
        ActivityTypes.Invoke, ActivityTypes.Typing, ActivityTypes.MessageUpdate, ActivityTypes.MessageReaction,
        ActivityTypes.Event,
    ];

    private static readonly string[] KnownInvokes =
    [
        "adaptiveCard/action", "composeExtension/query", "composeExtension/querySettingUrl",
        "composeExtension/selectItem", "task/fetch", "task/submit", "message/submitAction",
    ];

    /// <summary>The activity type (and invoke name), or "other": a caller-chosen string is never logged as is.</summary>
    public static string TypeOf(Activity activity)
    {
        var type = KnownTypes.FirstOrDefault(activity.IsType) ?? "other";
        if (type != ActivityTypes.Invoke)
        {
            return type;
        }

        var name = KnownInvokes.FirstOrDefault(n => string.Equals(n, activity.Name, StringComparison.OrdinalIgnoreCase));
        return $"invoke:{name ?? "other"}";
    }
}
