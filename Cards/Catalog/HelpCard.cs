using SecretBot.Cards.Compose;
using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;
using static SecretBot.Cards.Compose.CardParts;

namespace SecretBot.Cards.Catalog;

/// <summary>What can be typed: the commands (in the card's language) and the topics as buttons.</summary>
public static class HelpCard
{
    private static readonly string[] Commands = ["help", "restart", "cancel", "back", "country", "language"];

    public static AdaptiveCard Create(TextCatalog texts, IReadOnlyList<TopicChoice> topics)
    {
        var commands = Commands.Select(command => new Fact(
            texts[$"help.command.{command}"], texts[$"help.command.{command}.does"])).ToArray();
        var spoken = string.Join(" ",
            [texts["help.title"], texts["help.intro"], .. commands.Select(fact => $"{fact.Title} : {fact.Value}.")]);
        return new AdaptiveCard(texts.Tag, spoken, spoken,
        [
            Heading(texts["help.title"]),
            Paragraph(texts["help.intro"]),
            new FactSet(commands),
            Paragraph(texts["help.topics"]) with { Spacing = Spacing.Large },
            TopicButtons(topics) with { Spacing = Spacing.Small },
            PrivacyPromise(texts) with { Separator = true, Spacing = Spacing.Large },
        ]);
    }
}
