using SecretBot.Cards.Compose;
using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;
using static SecretBot.Cards.Compose.CardParts;

namespace SecretBot.Cards.Catalog;

/// <summary>"Un souci de mon côté": an unexpected error, owned by the bot, with a way forward.</summary>
public static class ApologyCard
{
    public static AdaptiveCard Create(TextCatalog texts)
    {
        var spoken = string.Join(" ", texts["apology.title"], texts["apology.body"]);
        return new AdaptiveCard(texts.Tag, spoken, spoken,
        [
            Heading(texts["apology.title"]),
            Paragraph(texts["apology.body"]),
        ])
        {
            Actions =
            [
                Button(texts["action.restart"], CardVerbs.Restart),
                Button(texts["action.help"], CardVerbs.Help),
            ],
        };
    }
}
