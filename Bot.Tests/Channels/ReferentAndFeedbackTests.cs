using Microsoft.Extensions.DependencyInjection;
using SecretBot.Bot.Tests.Conversations;
using SecretBot.Testing;
using SecretBot.Conversations.Routing;
using SecretBot.Conversations.Interviews;
using SecretBot.Conversations.Effects;
using SecretBot.Knowledge.Routing;

namespace SecretBot.Bot.Tests.Channels;

/// <summary>Asking the référents (only when configured, never with typed text) and 👍 / 👎 counted per outcome.</summary>
// The vote counter is a process-wide meter: counted while no other test votes.
[Collection(Alone.Name)]
public sealed class ReferentAndFeedbackTests : IAsyncLifetime
{
    private const string Sentinel = "SENTINEL-ref-4471-Madame-Dubois";
    private const string ReferentChannel = "19:referents@thread.tacv2";
    private LocalConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await LocalConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    private Task<BotHost> BotAsync(bool withReferents, string? requestTtl = null) => BotHost.StartAsync(new Dictionary<string, string?>
    {
        ["Escalation:RequestTtl"] = requestTtl,
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

    /// <summary>« Demander l’avis… », then one of the offer's two buttons; the channel's post as the connector received it.</summary>
    private async Task<ConnectorRequest> SendToReferentsAsync(TeamsUser user, System.Text.Json.Nodes.JsonObject answer, bool contactMe)
    {
        await user.ExecuteAsync(answer.Button("ask-referent"), null);
        var offer = user.NewReplies().Last().Card()!;
        await user.ExecuteAsync(offer.Button("referent-send", "contact", contactMe ? "yes" : "no"), null);
        return _connector.Activities.Last(a => a.RawPath == "/v3/conversations" && a.Body?["channelData"]?["channel"] is not null);
    }

    /// <summary>A référent in the channel's thread that the post opened.</summary>
    private TeamsUser Referent(BotHost bot, ConnectorRequest post, string name = "Alex Janssens") =>
        new(bot, _connector, $"{ReferentChannel};messageid={post.ReturnedId}", "fr-BE", "channel", $"referent-{Guid.NewGuid():N}") { UserName = name };

    private static System.Text.Json.Nodes.JsonObject PostCard(ConnectorRequest post) => post.Body!["activity"]!["attachments"]![0]!["content"]!.AsObject();

    [Fact]
    public async Task TheOfferSaysWhatTheReferentsWouldReceiveAndNothingIsPostedBeforeTheChoice()
    {
        await using var bot = await BotAsync(withReferents: true);
        var user = new TeamsUser(bot, _connector, $"ref-{Guid.NewGuid():N}") { UserName = "Camille Martin" };
        var answer = await AnswerCardAsync(user);

        await user.ExecuteAsync(answer.Button("ask-referent"), null);

        var offer = user.NewReplies().Last().Card()!;
        Assert.Contains("Référents secret", offer.Text());
        Assert.Contains("jamais la personne que vous aidez", offer.Text());
        Assert.Contains("Camille Martin", offer.Text());
        offer.Button("referent-send", "contact", "no");
        offer.Button("referent-send", "contact", "yes");
        Assert.DoesNotContain(_connector.Activities, a => a.RawPath == "/v3/conversations");
    }

    [Fact]
    public async Task WithoutAKnownNameOnlyTheRequestWithoutANameIsOffered()
    {
        await using var bot = await BotAsync(withReferents: true);
        var user = new TeamsUser(bot, _connector, $"ref-{Guid.NewGuid():N}") { UserName = "" };
        var answer = await AnswerCardAsync(user);
        await user.ExecuteAsync(answer.Button("ask-referent"), null);
        var offer = user.NewReplies().Last().Card()!;
        Assert.DoesNotContain(offer.Buttons(), b => (string?)b["data"]?["contact"] == "yes");
    }

    [Fact]
    public async Task ARequestWithoutANamePostsTheChoicesAndTheVerdictButNeverANameNorTheTypedText()
    {
        await using var bot = await BotAsync(withReferents: true);
        var user = new TeamsUser(bot, _connector, $"ref-{Guid.NewGuid():N}") { UserName = "Camille Martin" };
        var post = await SendToReferentsAsync(user, await AnswerCardAsync(user), contactMe: false);

        Assert.Equal(ReferentChannel, (string?)post.Body!["channelData"]!["channel"]!["id"]);
        var summary = CardReading.Plain(string.Join("\n", SecretBot.Cards.Tests.PrintedCard.Texts(PostCard(post))));
        Assert.Contains("Non : pas de secret partagé avec l'école", summary);
        Assert.Contains("L'école", summary);
        Assert.DoesNotContain("SENTINEL", post.Body!.ToJsonString());
        Assert.DoesNotContain("Dubois", post.Body!.ToJsonString());
        Assert.DoesNotContain("Camille", post.Body!.ToJsonString());
        Assert.Contains("Référents secret", string.Join("\n", user.NewReplies().Select(r => CardReading.Plain(r.Text ?? ""))));
    }

    [Fact]
    public async Task MeRecontacterNamesTheColleagueButNeverThePersonHelped()
    {
        await using var bot = await BotAsync(withReferents: true);
        var user = new TeamsUser(bot, _connector, $"ref-{Guid.NewGuid():N}") { UserName = "Camille Martin" };
        var post = await SendToReferentsAsync(user, await AnswerCardAsync(user), contactMe: true);

        Assert.Contains("Camille Martin a consulté SecretBot et demande qu'on reprenne contact", PostCard(post).Text());
        Assert.DoesNotContain("SENTINEL", post.Body!.ToJsonString());
        Assert.DoesNotContain("Dubois", post.Body!.ToJsonString());
    }

    [Fact]
    public async Task JeMEnOccupeRedrawsThePostForEveryoneAndTellsTheRequesterInTheirPersonalChat()
    {
        await using var bot = await BotAsync(withReferents: true);
        var user = new TeamsUser(bot, _connector, $"ref-{Guid.NewGuid():N}") { UserName = "Camille Martin" };
        var post = await SendToReferentsAsync(user, await AnswerCardAsync(user), contactMe: true);
        user.NewReplies();
        var referent = Referent(bot, post);

        var answer = await referent.ExecuteAsync(PostCard(post).Button("referent-take"), post.ReturnedId);

        // The référent sees it at once, the channel through the update of the post.
        var taken = answer["value"]!.AsObject();
        Assert.Contains("Alex Janssens s'en occupe. La personne qui demande a reçu un message.", taken.Text());
        Assert.DoesNotContain(taken.Buttons(), b => (string?)b["verb"] == "referent-take");
        Assert.Contains("Camille Martin", taken.Text());
        var update = Assert.Single(referent.NewReplies(), r => r.Method == "PUT");
        Assert.EndsWith($"/activities/{post.ReturnedId}", update.RawPath);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(taken, update.Card()));

        // The requester, in the personal chat where they asked.
        var notice = Assert.Single(user.NewReplies());
        Assert.Equal("POST", notice.Method);
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(user.ConversationId)}/activities", notice.RawPath);
        Assert.Equal("Alex Janssens s'occupe de votre demande d'avis sur « Puis-je partager avec ce partenaire ? ». Cette personne va vous recontacter.",
            CardReading.Plain(notice.Text!));
    }

    [Fact]
    public async Task ARequesterInAGroupChatIsToldInAPersonalChatTheBotOpens()
    {
        await using var bot = await BotAsync(withReferents: true);
        var chat = $"19:{Guid.NewGuid():N}@thread.v2";
        var userId = $"user-{Guid.NewGuid():N}";
        var user = new TeamsUser(bot, _connector, chat, "fr-BE", "groupChat", userId);
        var understood = (await user.MentionAsync("puis-je partager avec l'école ?")).Last().Card()!;
        await user.ExecuteAsync(understood.Button("understood-confirm"), null);
        var answer = user.NewReplies().Last(r => r.Method == "POST").Card()!;
        var post = await SendToReferentsAsync(user, answer, contactMe: false);

        await Referent(bot, post).ExecuteAsync(PostCard(post).Button("referent-take"), post.ReturnedId);

        var opened = _connector.Activities.Last(a => a.RawPath == "/v3/conversations" && a.Body?["members"] is not null);
        Assert.False((bool)opened.Body!["isGroup"]!);
        Assert.Equal(userId, (string?)Assert.Single(opened.Body!["members"]!.AsArray())!["id"]);
        var notice = Assert.Single(_connector.Activities, a => a.RawPath == $"/v3/conversations/{opened.CreatedConversation}/activities");
        Assert.Contains("Votre demande était sans nom", CardReading.Plain(notice.Text!));
        Assert.DoesNotContain(user.Delivered(), r => r.Text?.Contains("s’occupe") == true);
    }

    [Fact]
    public async Task ASecondReferentFindsItTakenAndNothingElseChanges()
    {
        await using var bot = await BotAsync(withReferents: true);
        var user = new TeamsUser(bot, _connector, $"ref-{Guid.NewGuid():N}") { UserName = "Camille Martin" };
        var post = await SendToReferentsAsync(user, await AnswerCardAsync(user), contactMe: false);
        await Referent(bot, post).ExecuteAsync(PostCard(post).Button("referent-take"), post.ReturnedId);
        user.NewReplies();
        var late = Referent(bot, post, "Sam Peeters");
        var updates = _connector.Activities.Count(r => r.Method == "PUT");

        var answer = await late.ExecuteAsync(PostCard(post).Button("referent-take"), post.ReturnedId);

        // Only the late référent's out-of-date copy changes: the post everyone sees still names who took it.
        Assert.Contains("Cette demande est déjà prise en charge", answer["value"]!.AsObject().Text());
        Assert.Equal(updates, _connector.Activities.Count(r => r.Method == "PUT"));
        Assert.Empty(user.NewReplies());
    }

    [Fact]
    public async Task OnlyTheReferentsChannelCanTakeARequest()
    {
        await using var bot = await BotAsync(withReferents: true);
        var user = new TeamsUser(bot, _connector, $"ref-{Guid.NewGuid():N}") { UserName = "Camille Martin" };
        var post = await SendToReferentsAsync(user, await AnswerCardAsync(user), contactMe: false);
        user.NewReplies();

        // The same button, clicked from another channel and from a personal chat.
        var elsewhere = new TeamsUser(bot, _connector, $"19:other@thread.tacv2;messageid={post.ReturnedId}", "fr-BE", "channel", "someone");
        await elsewhere.ExecuteAsync(PostCard(post).Button("referent-take"), post.ReturnedId);
        var personal = new TeamsUser(bot, _connector, $"ref-{Guid.NewGuid():N}");
        await personal.ExecuteAsync(PostCard(post).Button("referent-take"), post.ReturnedId);

        Assert.Empty(user.NewReplies());
        var answer = await Referent(bot, post).ExecuteAsync(PostCard(post).Button("referent-take"), post.ReturnedId);
        Assert.Contains("Alex Janssens s'en occupe", answer["value"]!.AsObject().Text());
    }

    [Fact]
    public async Task WhenTeamsRefusesTheMessageToTheRequesterThePostSaysSo()
    {
        await using var bot = await BotAsync(withReferents: true);
        var user = new TeamsUser(bot, _connector, $"ref-{Guid.NewGuid():N}") { UserName = "Camille Martin" };
        var post = await SendToReferentsAsync(user, await AnswerCardAsync(user), contactMe: true);
        var personalChat = $"/v3/conversations/{Uri.EscapeDataString(user.ConversationId)}/activities";
        _connector.FaultPlan = (call, _) => call == $"POST {personalChat}" ? new Fault(403) : null;
        try
        {
            var answer = await Referent(bot, post).ExecuteAsync(PostCard(post).Button("referent-take"), post.ReturnedId);
            Assert.Contains("SecretBot ne peut pas prévenir la personne qui demande", answer["value"]!.AsObject().Text());
        }
        finally
        {
            _connector.FaultPlan = null;
        }
    }

    [Fact]
    public async Task AnExpiredRequestSaysSoForEveryone()
    {
        await using var bot = await BotAsync(withReferents: true, requestTtl: "00:00:01");
        var user = new TeamsUser(bot, _connector, $"ref-{Guid.NewGuid():N}") { UserName = "Camille Martin" };
        var post = await SendToReferentsAsync(user, await AnswerCardAsync(user), contactMe: false);
        user.NewReplies();
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var referent = Referent(bot, post);
        var answer = await referent.ExecuteAsync(PostCard(post).Button("referent-take"), post.ReturnedId);

        Assert.Contains("Cette demande a expiré", answer["value"]!.AsObject().Text());
        Assert.Single(referent.NewReplies(), r => r.Method == "PUT");
        Assert.Empty(user.NewReplies());
    }

    [Fact]
    public async Task SomeoneOfAnotherTenantPostsNothingAndIsToldNoChannelIsConfigured()
    {
        await using var bot = await BotAsync(withReferents: true);
        var user = new TeamsUser(bot, _connector, $"ref-{Guid.NewGuid():N}") { Tenant = "99999999-0000-4000-8000-00000000f0e1" };
        var answer = await AnswerCardAsync(user);
        Assert.DoesNotContain(answer.Buttons(), b => (string?)b["verb"] == "ask-referent");

        // Clicks forged from a card of the deploying tenant change nothing.
        await user.ExecuteAsync(new System.Text.Json.Nodes.JsonObject { ["verb"] = "ask-referent", ["data"] = new System.Text.Json.Nodes.JsonObject { ["topic"] = "share" } }, null);
        await user.ExecuteAsync(new System.Text.Json.Nodes.JsonObject { ["verb"] = "referent-send", ["data"] = new System.Text.Json.Nodes.JsonObject { ["contact"] = "no" } }, null);

        Assert.DoesNotContain(_connector.Activities, a => a.RawPath == "/v3/conversations");
        Assert.Contains("Aucun canal des personnes référentes", string.Join("\n", user.NewReplies().Select(r => CardReading.Plain(r.Text ?? ""))));
    }

    [Fact]
    public async Task ElevenClicksInAMinutePostAtMostTheBucketsSize()
    {
        await using var bot = await BotAsync(withReferents: true);
        var user = new TeamsUser(bot, _connector, $"ref-{Guid.NewGuid():N}");
        var answer = await AnswerCardAsync(user);
        await user.ExecuteAsync(answer.Button("ask-referent"), null);
        var offer = user.NewReplies().Last().Card()!;

        for (var click = 0; click < 11; click++)
        {
            await user.ExecuteAsync(offer.Button("referent-send", "contact", "no"), null);
        }

        var posts = _connector.Activities.Count(a => a.RawPath == "/v3/conversations");
        var bucket = bot.Services.GetRequiredService<SecretBot.Conversations.Escalation.EscalationOptions>().PostsPerPerson;
        Assert.Equal(bucket, posts);
        var told = user.NewReplies().Select(r => CardReading.Plain(r.Text ?? "")).ToList();
        Assert.Equal(bucket, told.Count(t => t.Contains("Référents secret")));
        Assert.Equal(11 - bucket, told.Count(t => t.Contains("ne l'a pas été")));
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
