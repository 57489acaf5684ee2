using Microsoft.Extensions.DependencyInjection;
using SecretBot.Bot.Tests.Conversations;
using SecretBot.Testing;
using SecretBot.Conversations.Routing;
using SecretBot.Conversations.Interviews;
using SecretBot.Conversations.Effects;
using SecretBot.Knowledge.Routing;

namespace SecretBot.Bot.Tests.Channels;

/// <summary>Asking the référents (only when configured, never with typed text) and 👍 / 👎 counted per outcome.</summary>
public sealed class ReferentAndFeedbackTests : IAsyncLifetime
{
    private const string Sentinel = "SENTINEL-ref-4471-Madame-Dubois";
    private const string ReferentChannel = "19:referents@thread.tacv2";
    private LocalConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await LocalConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    private Task<BotHost> BotAsync(bool withReferents) => BotHost.StartAsync(new Dictionary<string, string?>
    {
        ["Bot:Language"] = "fr",
        ["Bot:DefaultJurisdiction"] = "BE",
        ["Escalation:ChannelId"] = withReferents ? ReferentChannel : "",
        ["Escalation:ChannelName"] = withReferents ? "Référents secret" : "",
        ["Escalation:TenantId"] = withReferents ? Activities.RecordedTenant : "",
    });

    private static async Task<System.Text.Json.Nodes.JsonObject> AnswerCardAsync(TeamsUser user) => (await AnswerMessageAsync(user)).Card()!;

    /// <summary>The answer card's message, as the connector received it (its id is the one a click replies to).</summary>
    private static async Task<ConnectorRequest> AnswerMessageAsync(TeamsUser user)
    {
        // "avec l'école" answers the only question: the bot shows what it understood and waits for a confirmation.
        var understood = (await user.SayAsync($"{Sentinel} : puis-je partager avec l'école ?")).Last(r => r.Method == "POST").Card()!;
        await user.ExecuteAsync(understood.Button("understood-confirm"), null);
        return user.NewReplies().Last(r => r.Method == "POST");
    }

    [Fact]
    public async Task AskingTheReferentsPostsTheChoicesAndTheVerdictButNeverTheTypedText()
    {
        await using var bot = await BotAsync(withReferents: true);
        var user = new TeamsUser(bot, _connector, $"ref-{Guid.NewGuid():N}");
        var answer = await AnswerCardAsync(user);

        await user.ExecuteAsync(answer.Button("ask-referent"), null);

        var post = Assert.Single(_connector.Activities, a => a.RawPath == "/v3/conversations");
        Assert.Equal(ReferentChannel, (string?)post.Body!["channelData"]!["channel"]!["id"]);
        var summary = post.Body!["activity"]!["attachments"]![0]!["content"]!.ToJsonString(
            new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("Non : pas de secret partagé avec l'école", summary);
        Assert.Contains("L'école", summary);
        Assert.DoesNotContain("SENTINEL", post.Body!.ToJsonString());
        Assert.Contains("Référents secret", string.Join("\n", user.NewReplies().Select(r => r.Text)));
    }

    [Fact]
    public async Task SomeoneOfAnotherTenantPostsNothingAndIsToldNoChannelIsConfigured()
    {
        await using var bot = await BotAsync(withReferents: true);
        var user = new TeamsUser(bot, _connector, $"ref-{Guid.NewGuid():N}") { Tenant = "99999999-0000-4000-8000-00000000f0e1" };
        var answer = await AnswerCardAsync(user);
        Assert.DoesNotContain(answer.Buttons(), b => (string?)b["verb"] == "ask-referent");

        // A click forged from a card of the deploying tenant changes nothing.
        await user.ExecuteAsync(new System.Text.Json.Nodes.JsonObject { ["verb"] = "ask-referent", ["data"] = new System.Text.Json.Nodes.JsonObject { ["topic"] = "share" } }, null);

        Assert.DoesNotContain(_connector.Activities, a => a.RawPath == "/v3/conversations");
        Assert.Contains("Aucun canal de référent", string.Join("\n", user.NewReplies().Select(r => r.Text)));
    }

    [Fact]
    public async Task ElevenClicksInAMinutePostAtMostTheBucketsSize()
    {
        await using var bot = await BotAsync(withReferents: true);
        var user = new TeamsUser(bot, _connector, $"ref-{Guid.NewGuid():N}");
        var answer = await AnswerCardAsync(user);

        for (var click = 0; click < 11; click++)
        {
            await user.ExecuteAsync(answer.Button("ask-referent"), null);
        }

        var posts = _connector.Activities.Count(a => a.RawPath == "/v3/conversations");
        var bucket = bot.Services.GetRequiredService<SecretBot.Conversations.Escalation.EscalationOptions>().PostsPerPerson;
        Assert.Equal(bucket, posts);
        var told = user.NewReplies().Select(r => r.Text).ToList();
        Assert.Equal(bucket, told.Count(t => t?.Contains("Référents secret") == true));
        Assert.Equal(11 - bucket, told.Count(t => t?.Contains("ne l’a pas été") == true));
        Figures.Report("referents.throttle", $"11 clicks in a minute from one person: {posts} posted, {11 - posts} refused with a message");
    }

    [Fact]
    public async Task WithoutAReferentsChannelThereIsNoButton()
    {
        await using var bot = await BotAsync(withReferents: false);
        var answer = await AnswerCardAsync(new TeamsUser(bot, _connector, $"ref-{Guid.NewGuid():N}"));
        Assert.DoesNotContain(answer.Buttons(), b => (string?)b["verb"] == "ask-referent");
    }

    [Fact]
    public async Task AVoteIsCountedPerOutcomeAndTheCardTurnsIntoThanksWithoutAnotherMessage()
    {
        using var metrics = new MetricsRecorder(instrument => instrument.Name == AnswerFeedback.InstrumentName);
        await using var bot = await BotAsync(withReferents: false);
        var user = new TeamsUser(bot, _connector, $"feedback-{Guid.NewGuid():N}");
        var answer = await AnswerMessageAsync(user);

        var response = await user.ExecuteAsync(answer.Card()!.Button("feedback", "rating", "up"), answer.ReturnedId);

        Assert.Contains(metrics.Measurements, vote => vote.Value == 1 && vote.Tags.Count == 2
            && vote.Tags["outcome"] == "share.no_school" && vote.Tags["rating"] == "up");
        Assert.DoesNotContain("SENTINEL", metrics.AllText);
        var thanked = response["value"]!.AsObject();
        Assert.Contains("Merci", thanked.Text());
        Assert.DoesNotContain(thanked.Buttons(), b => (string?)b["verb"] == "feedback");
        // The same answer, drawn again: the verdict and what to do next stay.
        Assert.Contains("Non : pas de secret partagé avec l'école", thanked.Text());
        Assert.Contains(thanked.Buttons(), b => (string?)b["verb"] == "edit-answers");
        Assert.Empty(user.NewReplies());
    }

    [Fact]
    public async Task OneVotePerAnswerCardEvenWhenAnOldCopyIsClickedAgain()
    {
        using var metrics = new MetricsRecorder(instrument => instrument.Name == AnswerFeedback.InstrumentName);
        await using var bot = await BotAsync(withReferents: false);
        var user = new TeamsUser(bot, _connector, $"feedback-{Guid.NewGuid():N}");
        var first = await AnswerMessageAsync(user);

        // Another device still shows the buttons: its click redraws the thanks and counts nothing.
        await user.ExecuteAsync(first.Card()!.Button("feedback", "rating", "up"), first.ReturnedId);
        await user.ExecuteAsync(first.Card()!.Button("feedback", "rating", "down"), first.ReturnedId);
        Assert.Equal(1, metrics.Measurements.Sum(m => m.Value));

        // Another answer card is another vote.
        var second = await AnswerMessageAsync(user);
        await user.ExecuteAsync(second.Card()!.Button("feedback", "rating", "down"), second.ReturnedId);
        Assert.Equal(2, metrics.Measurements.Sum(m => m.Value));
        Assert.Empty(user.NewReplies());
    }

    [Fact]
    public async Task InAGroupChatTheThanksReplaceTheVoteForEveryone()
    {
        using var metrics = new MetricsRecorder(instrument => instrument.Name == AnswerFeedback.InstrumentName);
        await using var bot = await BotAsync(withReferents: false);
        var chat = $"19:{Guid.NewGuid():N}@thread.v2";
        var alice = new TeamsUser(bot, _connector, chat, "fr-BE", "groupChat", "user-a");
        var bob = new TeamsUser(bot, _connector, chat, "fr-BE", "groupChat", "user-b");
        var understood = (await alice.MentionAsync("puis-je partager avec l'école ?")).Last().Card()!;
        await alice.ExecuteAsync(understood.Button("understood-confirm"), null);
        var answer = alice.NewReplies().Last(r => r.Method == "POST");

        await bob.ExecuteAsync(answer.Card()!.Button("feedback", "rating", "up"), answer.ReturnedId);
        await alice.ExecuteAsync(answer.Card()!.Button("feedback", "rating", "down"), answer.ReturnedId);

        var updates = bob.Delivered().Where(r => r.Method == "PUT" && r.RawPath.EndsWith(Uri.EscapeDataString(answer.ReturnedId!))).ToList();
        Assert.NotEmpty(updates);
        Assert.All(updates, u => Assert.DoesNotContain(u.Card()!.Buttons(), b => (string?)b["verb"] == "feedback"));
        Assert.Equal(1, metrics.Measurements.Sum(m => m.Value));
    }

    [Fact]
    public async Task AForgedVoteWhoseAnswersDoNotLeadToItsOutcomeIsThankedInWordsAndDrawsNothing()
    {
        await using var bot = await BotAsync(withReferents: false);
        var user = new TeamsUser(bot, _connector, $"feedback-{Guid.NewGuid():N}");
        var answer = await AnswerMessageAsync(user);
        var forged = answer.Card()!.Button("feedback", "rating", "up").DeepClone().AsObject();
        forged["data"]!["answers"] = "nonsense=1";

        var response = await user.ExecuteAsync(forged, answer.ReturnedId);

        Assert.NotEqual("application/vnd.microsoft.card.adaptive", (string?)response["type"]);
        Assert.Contains("Merci", string.Join("\n", user.NewReplies().Select(r => r.Text)));
    }
}
