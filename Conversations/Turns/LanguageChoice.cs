using SecretBot.Knowledge.Model;
using SecretBot.Protocol.Schema;

namespace SecretBot.Conversations.Turns;

/// <summary>The language to answer in: configured (<c>Bot:Language</c>) first, then the person's choice, then the activity's locale, else French.</summary>
public static class LanguageChoice
{
    public static Language For(Activity activity, Language? configured, Language? preferred = null) =>
        configured ?? preferred ?? (activity.Locale is { } locale && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Language.En : Language.Fr);
}
