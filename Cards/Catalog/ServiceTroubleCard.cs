using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;
using static SecretBot.Cards.Compose.CardParts;

namespace SecretBot.Cards.Catalog;

/// <summary>When a part the bot depends on is down: say so plainly, and point to people for urgent cases.</summary>
public static class ServiceTroubleCard
{
    public static AdaptiveCard Create(TextCatalog texts)
    {
        var spoken = string.Join(" ", texts["trouble.title"], texts["trouble.body"], texts["trouble.urgent"]);
        return new AdaptiveCard(texts.Tag, spoken, spoken,
        [
            Heading(texts["trouble.title"]),
            Paragraph(texts["trouble.body"]),
            new Container([Paragraph(texts["trouble.urgent"]) with { Weight = TextWeight.Bolder }])
            {
                Style = ContainerStyle.Emphasis,
                Spacing = Spacing.Medium,
            },
        ]);
    }
}
