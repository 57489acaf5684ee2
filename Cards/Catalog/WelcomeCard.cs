using SecretBot.Cards.Compose;
using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;
using static SecretBot.Cards.Compose.CardParts;

namespace SecretBot.Cards.Catalog;

/// <summary>Where the bot speaks: a personal chat, or a group chat or a team's channel, where it answers when mentioned.</summary>
public enum WelcomeScope { Personal, GroupChat, Channel }

/// <param name="Jurisdiction">The law the person chose (or the organisation set); null when it is still to be asked.</param>
public sealed record WelcomeCardInput(WelcomeScope Scope, IReadOnlyList<TopicChoice> Topics, Jurisdiction? Jurisdiction);

/// <summary>
/// The first card: what the bot does, the topics, the law it assumed and how to change it, the
/// privacy promise, and that it replaces nobody.
/// </summary>
public static class WelcomeCard
{
    public static AdaptiveCard Create(TextCatalog texts, WelcomeCardInput welcome)
    {
        var title = texts[welcome.Scope == WelcomeScope.Personal ? "welcome.title" : "welcome.teamTitle"];
        var how = texts[welcome.Scope switch
        {
            WelcomeScope.Channel => "welcome.teamHow",
            WelcomeScope.GroupChat => "welcome.groupHow",
            _ => "welcome.how",
        }];
        var jurisdiction = welcome.Jurisdiction is { } known
            ? texts.Format("welcome.jurisdiction", texts.NameOf(known))
            : texts["welcome.jurisdictionAsk"];
        var spoken = string.Join(" ", title, texts["welcome.intro"], how, jurisdiction, texts["privacy.promise"], texts["welcome.notReplace"]);
        return new AdaptiveCard(texts.Tag, spoken, spoken,
        [
            Heading(title),
            Paragraph(texts["welcome.intro"]),
            Paragraph(how) with { Spacing = Spacing.Small },
            SectionTitle(texts["welcome.topics"]),
            TopicButtons(welcome.Topics) with { Spacing = Spacing.Small },
            Paragraph(jurisdiction) with { Spacing = Spacing.Large },
            new ActionSet([Button(texts[welcome.Jurisdiction is null ? "action.chooseJurisdiction" : "action.changeJurisdiction"], CardVerbs.AskJurisdiction)])
            {
                Spacing = Spacing.Small,
            },
            new Container([
                // Promises, not fine print: small but not toned down.
                Note(texts["privacy.promise"]) with { IsSubtle = false },
                Note(texts["welcome.notReplace"]) with { IsSubtle = false, Spacing = Spacing.None },
            ]) { Separator = true, Spacing = Spacing.Large },
        ]);
    }
}
