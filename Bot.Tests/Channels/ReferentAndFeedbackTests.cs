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

    private static async Task<System.Text.Json.Nodes.JsonObject> AnswerCardAsync(TeamsUser user)
    {
        // "avec l'école" answers the only question: the bot shows what it understood and waits for a confirmation.
        var understood = (await user.SayAsync($"{Sentinel} : puis-je partager avec l'école ?")).Last(r => r.Method == "POST").Card()!;
        await user.ExecuteAsync(understood.Button("understood-confirm"), null);
        return user.NewReplies().Last(r => r.Method == "POST").Card()!;
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
    public async Task FeedbackIsCountedPerOutcomeAndNothingElseIsKept()
    {
        using var metrics = new MetricsRecorder(instrument => instrument.Name == AnswerFeedback.InstrumentName);

        await using var bot = await BotAsync(withReferents: false);
        var user = new TeamsUser(bot, _connector, $"feedback-{Guid.NewGuid():N}");
        var answer = await AnswerCardAsync(user);
        await user.ExecuteAsync(answer.Button("feedback", "rating", "up"), null);

        Assert.Contains(metrics.Measurements, vote => vote.Value == 1 && vote.Tags.Count == 2
            && vote.Tags["outcome"] == "share.no_school" && vote.Tags["rating"] == "up");
        Assert.DoesNotContain("SENTINEL", metrics.AllText);
        Assert.Contains("Merci", string.Join("\n", user.NewReplies().Select(r => r.Text)));
    }
}
