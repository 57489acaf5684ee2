using SecretBot.Bot.Protocol;

namespace SecretBot.Bot.Turns;

/// <summary>The language to answer in: configured (<c>Bot:Language</c>) first, else the activity's locale, else French.</summary>
public static class LanguageChoice
{
    public static string For(Activity activity, string? configured)
    {
        if (configured is "fr" or "en")
        {
            return configured;
        }

        return activity.Locale is { } locale && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "fr";
    }
}
