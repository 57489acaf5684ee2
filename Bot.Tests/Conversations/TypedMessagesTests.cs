using SecretBot.Knowledge.Model;
using SecretBot.Testing;
using SecretBot.Cards.Texts;

namespace SecretBot.Bot.Tests.Conversations;

/// <summary>
/// Every labelled message of the routing set, typed to the real bot: none reaches an answer card
/// before the person has seen the facts it assumed (the "J'ai compris" card first, and a
/// confirmation when the message answered every question).
/// </summary>
public sealed class TypedMessagesTests : IAsyncLifetime
{
    private LocalConnector _connector = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Bot:Language"] = "fr" });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task NoTypedMessageLeadsStraightToAnAnswerCard()
    {
        var understoodTitle = CardReading.Plain(TextCatalog.For(Language.Fr)["understood.title"]);
        var straightToAnswer = new List<string>();
        var understood = 0;
        var messages = RoutingSet.Load().Messages;
        foreach (var (message, index) in messages.Select((m, i) => (m, i)))
        {
            var user = await new TeamsUser(_bot, _connector, $"typed-{index}-{Guid.NewGuid():N}")
                .ChoosesCountryAsync(message.J.ToString().ToLowerInvariant());
            var cards = (await user.SayAsync(message.Text)).Select(reply => reply.Card()).OfType<System.Text.Json.Nodes.JsonObject>().ToList();
            // An answer card is the one that offers feedback on its answer.
            if (cards.Any(card => card.Buttons().Any(b => (string?)b["verb"] == "feedback")))
            {
                straightToAnswer.Add($"{message.J} \"{message.Text}\"");
            }

            understood += cards.Count(card => card.Text().Contains(understoodTitle, StringComparison.Ordinal));
        }

        Figures.Report("routing.typed", $"{messages.Count} typed messages: {straightToAnswer.Count} straight to an answer card, {understood} showed what was understood first");
        Assert.True(straightToAnswer.Count == 0, "answer cards without the facts shown:\n" + string.Join("\n", straightToAnswer));
        Assert.True(understood > 0, "no message showed what was understood");
    }
}
