using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;
using static SecretBot.Cards.Compose.CardParts;

namespace SecretBot.Cards.Catalog;

/// <summary>
/// The discreet reminder sent in a channel or a group chat before the answer when a message seemed
/// to carry identifying details. It names no detail: repeating it would spread it further.
/// </summary>
public static class ChannelPrivacyReminderCard
{
    /// <param name="scope">« ce canal » or « cette conversation ».</param>
    public static AdaptiveCard Create(TextCatalog texts, WelcomeScope scope = WelcomeScope.Channel)
    {
        var text = texts[scope == WelcomeScope.GroupChat ? "channelReminder.groupChat" : "channelReminder.text"];
        return new AdaptiveCard(texts.Tag, text, text, [Note(text)]);
    }
}
