using SecretBot.Testing;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SecretBot.Conversations.Effects;
using SecretBot.Conversations.Preferences;
using SecretBot.Dialogs.State;
using SecretBot.Knowledge.Model;

namespace SecretBot.Bot.Tests.Conversations;

/// <summary>
/// The architecture review's repro, through the real bot: a 👍 and a change of country are effects
/// of their turn, applied once its state is saved. One conflict re-runs the turn: the vote is
/// counted once. Two conflicts: the person is asked to try again, and nothing was counted or changed.
/// </summary>
// The vote counter is a process-wide meter: counted while no other test votes.
[Collection(Alone.Name)]
public sealed class EffectsAfterSaveTests : IAsyncLifetime
{
    private LocalConnector _connector = null!;
    private BotHost _bot = null!;
    private ConflictingStore _store = null!;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Bot:Language"] = "fr" }, replaceServices: services =>
            services.AddSingleton<IStateStore>(_ => _store = new ConflictingStore(new MemoryStateStore())));
        _bot.Services.GetRequiredService<IStateStore>();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task AVoteIsCountedOnceHoweverManyTimesItsTurnRanAndNeverWhenItWasNotSaved(int conflicts)
    {
        using var metrics = new MetricsRecorder(instrument => instrument.Name == AnswerFeedback.InstrumentName);
        var user = await new TeamsUser(_bot, _connector, $"vote-{conflicts}-{Guid.NewGuid():N}").ChoosesCountryAsync("be");
        var answer = await AnswerCardAsync(user);

        _store.ConflictsForConversationWrites = conflicts;
        await user.ExecuteAsync(answer.Button("feedback", "rating", "up"), null);

        var votes = metrics.Measurements.Count(m => m.Tags.GetValueOrDefault("conversation") is null && m.Tags["rating"] == "up");
        var said = string.Join("\n", user.NewReplies().Select(r => r.Text));
        Assert.Equal(conflicts < 2 ? 1 : 0, votes);
        Assert.Contains(conflicts < 2 ? "Merci" : "Réessayez", said);
    }

    [Theory]
    [InlineData(1, "fr")]
    [InlineData(2, "be")]
    public async Task AChangeOfCountryIsWrittenOnlyWhenItsTurnIsSaved(int conflicts, string expected)
    {
        var userId = $"person-{conflicts}-{Guid.NewGuid():N}";
        var user = await new TeamsUser(_bot, _connector, $"country-{conflicts}-{Guid.NewGuid():N}", userId: userId).ChoosesCountryAsync("be");

        _store.ConflictsForConversationWrites = conflicts;
        await user.ExecuteAsync(new JsonObject { ["verb"] = "jurisdiction", ["data"] = new JsonObject { ["jurisdiction"] = "fr" } }, null);

        var stored = await _bot.Services.GetRequiredService<PreferencesStore>().GetAsync(userId, default);
        Assert.Equal(Enum.Parse<Jurisdiction>(expected, ignoreCase: true), stored.Jurisdiction);
    }

    private static async Task<JsonObject> AnswerCardAsync(TeamsUser user)
    {
        var welcome = (await user.SayAsync("bonjour")).Single().Card()!;
        await user.ExecuteAsync(welcome.Button("topic", "topic", Topics.Share), null);
        // Walk the sharing interview by its first choice until the answer card comes.
        for (var step = 0; step < 12; step++)
        {
            var card = user.NewReplies().Select(r => r.Card()).LastOrDefault(c => c is not null);
            if (card is null)
            {
                break;
            }

            if (card.Buttons().Any(b => (string?)b["verb"] == "feedback"))
            {
                return card;
            }

            await user.ExecuteAsync(card.Button("answer"), null);
        }

        throw new Xunit.Sdk.XunitException("no answer card");
    }

    /// <summary>A store where another writer slips in before the next conversation writes: each of them then conflicts.</summary>
    private sealed class ConflictingStore(IStateStore inner) : IStateStore
    {
        public int ConflictsForConversationWrites { get; set; }

        public Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken) => inner.ReadAsync(key, cancellationToken);

        public async Task<WriteOutcome> WriteAsync(string key, byte[] value, string? expectedETag, TimeSpan timeToLive, CancellationToken cancellationToken)
        {
            if (key.Contains(":c:", StringComparison.Ordinal) && expectedETag is not null && ConflictsForConversationWrites > 0)
            {
                ConflictsForConversationWrites--;
                var current = await inner.ReadAsync(key, cancellationToken);
                await inner.WriteAsync(key, current!.Value, StoredItem.AnyETag, timeToLive, cancellationToken);
            }

            return await inner.WriteAsync(key, value, expectedETag, timeToLive, cancellationToken);
        }

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);
    }
}
