using SecretBot.Knowledge.Model;
using System.Text.Encodings.Web;
using System.Text.Json;
using SecretBot.Bot.Tests.Conversations;
using SecretBot.Testing;
using SecretBot.Cards.Texts;

namespace SecretBot.Bot.Tests.Channels;

/// <summary>A team channel during a case meeting: mentions, threads, several people answering, the privacy reminder, the search box.</summary>
public sealed class ChannelTests : IAsyncLifetime
{
    private static readonly string Reminder = CardReading.Plain(TextCatalog.For(Language.Fr)["channelReminder.text"]);
    private LocalConnector _connector = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Bot:Language"] = "fr", ["Bot:DefaultJurisdiction"] = "BE" });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private static string Thread() => $"19:{Guid.NewGuid():N}@thread.tacv2;messageid={Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999)}";

    private TeamsUser InChannel(string thread, string user) => new(_bot, _connector, thread, "fr-BE", "channel", user);

    [Fact]
    public async Task TheMentionIsRemovedAndTheReplyGoesToTheThread()
    {
        var thread = Thread();
        var replies = await InChannel(thread, "user-a").MentionAsync("un flic m'appelle pour l'adresse d'un jeune");
        var reply = Assert.Single(replies);
        Assert.Contains("La police vous appelle", reply.Card()!.Text());
        Assert.StartsWith($"/v3/conversations/{Uri.EscapeDataString(thread)}/activities/", reply.RawPath);
    }

    [Fact]
    public async Task AnyoneInTheMeetingCanAnswerTheNextQuestion()
    {
        var thread = Thread();
        var alice = InChannel(thread, "user-a");
        var bob = InChannel(thread, "user-b");
        var question = (await alice.MentionAsync("puis-je partager cette information ?")).Last();
        Assert.Contains("Avec qui voulez-vous partager ?", question.Card()!.Text());

        await bob.ExecuteAsync(question.Card()!.Button("answer", "choice", "school"), question.ReturnedId);
        Assert.Contains("Non : pas de secret partagé avec l'école", bob.NewReplies().Last().Card()!.Text());
    }

    [Theory]
    [InlineData("channel")]
    [InlineData("groupChat")]
    public async Task AnAnsweredQuestionIsReplacedForEveryoneNotOnlyForWhoClicked(string conversationType)
    {
        var conversation = conversationType == "channel" ? Thread() : $"19:{Guid.NewGuid():N}@thread.v2";
        var alice = new TeamsUser(_bot, _connector, conversation, "fr-BE", conversationType, "user-a");
        var bob = new TeamsUser(_bot, _connector, conversation, "fr-BE", conversationType, "user-b");
        var question = (await alice.MentionAsync("puis-je partager cette information ?")).Last();

        var answer = await bob.ExecuteAsync(question.Card()!.Button("answer", "choice", "school"), question.ReturnedId);

        // Bob sees the answered card at once (the invoke's answer), everyone else through the update of the message.
        var forBob = answer["value"]!.AsObject();
        Assert.DoesNotContain(forBob.Buttons(), b => (string?)b["verb"] == "answer");
        var update = Assert.Single(bob.NewReplies(), r => r.Method == "PUT");
        Assert.EndsWith($"/activities/{Uri.EscapeDataString(question.ReturnedId!)}", update.RawPath);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(forBob, update.Card()), "the update shows everyone what Bob sees");
        // Everyone reads it: the answer chosen, not "your answer", and not who chose it.
        Assert.Contains("Réponse choisie : L'école", forBob.Text());
        Assert.DoesNotContain("Votre réponse", forBob.Text());
    }

    [Fact]
    public async Task InAPersonalChatTheInvokeAnswerAloneReplacesTheCard()
    {
        var user = new TeamsUser(_bot, _connector, $"personal-{Guid.NewGuid():N}");
        var question = (await user.SayAsync("puis-je partager cette information ?")).Last();
        var answer = await user.ExecuteAsync(question.Card()!.Button("answer", "choice", "school"), question.ReturnedId);
        Assert.DoesNotContain(user.NewReplies(), r => r.Method == "PUT");
        Assert.Contains("Votre réponse : L'école", answer["value"]!.AsObject().Text());
    }

    [Theory]
    [InlineData("la maman, née le 12/03/1990, est-elle d'accord pour partager ?")]
    [InlineData("son numéro national est 85.07.30-033.28, puis-je le donner à la police ?")]
    [InlineData("je peux appeler le papa au 0475 12 34 56 ?")]
    [InlineData("la famille habite 12 rue des Lilas, puis-je le dire à l'école ?")]
    [InlineData("écrire à lea.dupont@example.org pour partager ?")]
    public async Task IdentifyingDetailsGetADiscreetReminderBeforeTheAnswerWithoutBeingRepeated(string message)
    {
        var replies = await InChannel(Thread(), "user-a").MentionAsync(message);
        Assert.True(replies.Count >= 2);
        Assert.Contains(Reminder, replies[0].Card()!.Text());
        var said = CardReading.Plain(string.Join("\n", replies.Select(WhatTheBotWrote)));
        Assert.Contains(Reminder, said);
        foreach (var detail in new[] { "12/03/1990", "85.07.30", "0475", "Lilas", "lea.dupont" })
        {
            Assert.DoesNotContain(detail, said);
        }
    }

    /// <summary>
    /// A reply without its addressing (conversation, ids, service URL): the thread's random message id
    /// may hold "0475" by chance, and is not something the bot wrote.
    /// </summary>
    private static string WhatTheBotWrote(ConnectorRequest reply)
    {
        var body = reply.Body!.DeepClone().AsObject();
        foreach (var addressing in new[] { "conversation", "from", "recipient", "replyToId", "serviceUrl", "id" })
        {
            body.Remove(addressing);
        }

        return string.Join("\n", Strings(body));
    }

    private static IEnumerable<string> Strings(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonObject obj => obj.SelectMany(pair => Strings(pair.Value)),
        System.Text.Json.Nodes.JsonArray array => array.SelectMany(Strings),
        System.Text.Json.Nodes.JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    [Theory]
    [InlineData("l'article 458bis permet-il de parler au procureur ?")]
    [InlineData("la loi du 8 avril 1965 s'applique-t-elle à moi ?")]
    public async Task OrdinaryTextGetsNoReminder(string message)
    {
        var replies = await InChannel(Thread(), "user-a").MentionAsync(message);
        Assert.DoesNotContain(replies, r => r.Card()?.Text().Contains(Reminder) == true);
    }

    [Fact]
    public async Task InAPersonalChatThereIsNoReminder()
    {
        var user = new TeamsUser(_bot, _connector, $"personal-{Guid.NewGuid():N}");
        var replies = await user.SayAsync("je peux appeler le papa au 0475 12 34 56 ?");
        Assert.DoesNotContain(replies, r => r.Card()?.Text().Contains(Reminder) == true);
    }

    [Fact]
    public async Task TheSearchBoxReturnsLookupCardsWithPreviews()
    {
        var user = new TeamsUser(_bot, _connector, $"search-{Guid.NewGuid():N}");
        var result = await user.SearchAsync("maître du secret");
        var extension = result["composeExtension"]!;
        Assert.Equal("result", (string?)extension["type"]);
        var first = extension["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.hero", (string?)first["preview"]!["contentType"]);
        Assert.Contains("maître du secret", ((string)first["preview"]!["content"]!["title"]!).ToLowerInvariant());
        SecretBot.Cards.Tests.CardAssertions.AssertValid(first["content"]!.AsObject());
        // Dropped into a chat, the card has no dialog button; run anonymously, the bot has no personal chat to link to.
        Assert.Empty(first["content"]!.AsObject().Buttons());
        Assert.DoesNotContain("\"Action.", first["content"]!.ToJsonString().Replace("\"Action.ToggleVisibility\"", ""));
    }

    [Fact]
    public async Task AnEmptySearchOffersTheMostUsefulEntriesUrgentFirst()
    {
        var user = new TeamsUser(_bot, _connector, $"search-{Guid.NewGuid():N}");
        var attachments = (await user.SearchAsync(""))["composeExtension"]!["attachments"]!.AsArray();
        Assert.Equal(5, attachments.Count);
        Assert.Contains("La police vous appelle ou se présente", attachments.Select(a => (string)a!["preview"]!["content"]!["title"]!));
    }
}
