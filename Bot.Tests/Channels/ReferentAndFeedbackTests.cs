using System.Diagnostics.Metrics;
using SecretBot.Bot.Tests.Conversations;
using SecretBot.Bot.Tests.Infrastructure;
using SecretBot.Dialogs.Conversations;

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
        ["Escalation:TenantId"] = withReferents ? "tenant-42" : "",
    });

    private static async Task<System.Text.Json.Nodes.JsonObject> AnswerCardAsync(TeamsUser user)
    {
        await user.SayAsync($"{Sentinel} : puis-je partager avec l'école ?");
        var replies = await user.SayAsync("l'école");
        return replies.Last(r => r.Method == "POST").Card()!;
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
    public async Task WithoutAReferentsChannelThereIsNoButton()
    {
        await using var bot = await BotAsync(withReferents: false);
        var answer = await AnswerCardAsync(new TeamsUser(bot, _connector, $"ref-{Guid.NewGuid():N}"));
        Assert.DoesNotContain(answer.Buttons(), b => (string?)b["verb"] == "ask-referent");
    }

    [Fact]
    public async Task FeedbackIsCountedPerOutcomeAndNothingElseIsKept()
    {
        var measured = new List<(long Value, string? Outcome, string? Rating)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == AnswerFeedback.InstrumentName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var dictionary = tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString());
            lock (measured)
            {
                measured.Add((value, dictionary.GetValueOrDefault("outcome"), dictionary.GetValueOrDefault("rating")));
            }
        });
        listener.Start();

        await using var bot = await BotAsync(withReferents: false);
        var user = new TeamsUser(bot, _connector, $"feedback-{Guid.NewGuid():N}");
        var answer = await AnswerCardAsync(user);
        await user.ExecuteAsync(answer.Button("feedback", "rating", "up"), null);

        Assert.Contains((1L, "share.no_school", "up"), measured);
        Assert.DoesNotContain(measured, m => m.Outcome?.Contains("SENTINEL") == true);
        Assert.Contains("Merci", string.Join("\n", user.NewReplies().Select(r => r.Text)));
    }
}
