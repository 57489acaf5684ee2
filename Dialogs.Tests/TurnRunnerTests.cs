using SecretBot.Dialogs.Engine;
using SecretBot.Dialogs.Tests.Support;
using System.Text;
using Microsoft.Extensions.Logging;
using SecretBot.Dialogs.Runtime;
using SecretBot.Dialogs.State;
using SecretBot.Dialogs.Turns;

namespace SecretBot.Dialogs.Tests;

/// <summary>The turn loop: fresh starts, ETag conflicts, an unreachable store (logged once an outage), and what it keeps.</summary>
public sealed class TurnRunnerTests
{
    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"f\":99,\"s\":[]}")]
    [InlineData("{\"f\":1,\"s\":[{\"d\":\"a-dialog-removed-since\",\"v\":{}}],\"m\":{}}")]
    [InlineData("{\"f\":1,\"s\":[{\"d\":\"choice-prompt\",\"v\":{\"key\":\"q.removed\"}}],\"m\":{}}")]
    public async Task UnreadableOrOutdatedStateStartsFreshWithANote(string stored)
    {
        var store = new MemoryStateStore();
        var bot = new TestBot(store);
        await store.WriteAsync(bot.StateKey, Encoding.UTF8.GetBytes(stored), null, TimeSpan.FromMinutes(5), default);

        var turn = await bot.SayAsync("bonjour");

        Assert.Equal(DialogTurnOutcome.FreshStart, turn.Outcome);
        Assert.Contains("on repart de zéro", turn.Said);
        Assert.Contains("Quelle est votre fonction ?", turn.Said);
    }

    [Fact]
    public async Task EachEffectIsAppliedOnceAfterTheSaveHoweverManyTimesTheTurnRanAndNoneWhenItCouldNotBeSaved()
    {
        foreach (var conflicts in new[] { 0, 1, 2 })
        {
            var store = new InterferingStore(new MemoryStateStore());
            var bot = new TestBot(store, root: CountingDialog.Name);
            await store.WriteAsync(bot.StateKey, DialogStateSerializer.Serialize(new DialogState()), null, TimeSpan.FromMinutes(5), default);
            store.InterfereWithNextWrites = conflicts;
            var written = await store.ReadAsync(bot.StateKey, default);

            var turn = await bot.SayAsync("vote");

            if (conflicts < 2)
            {
                // The turn ran conflicts + 1 times; each of its effects reached the host once, in order.
                Assert.Equal(DialogTurnOutcome.Completed, turn.Outcome);
                Assert.Equal(["vote counted"], turn.Sent.Select(s => s.Message.Text));
                Assert.Equal([new CountingDialog.Counted("vote")], turn.Others);
            }
            else
            {
                // Told to try again; nothing the turn wanted was done, and the stored state is as it was.
                Assert.Equal(DialogTurnOutcome.Busy, turn.Outcome);
                Assert.Contains("Réessayez", Assert.Single(turn.Sent).Message.Text);
                Assert.Empty(turn.Others);
                Assert.Equal(written?.Value, (await store.ReadAsync(bot.StateKey, default))?.Value);
            }

            Assert.Equal(conflicts < 2 ? conflicts + 1 : 2, bot.Counting.Runs);
        }
    }

    [Fact]
    public async Task AClickAfterTheConversationExpiredStartsFreshWithANote()
    {
        var bot = new TestBot();
        var turn = await bot.ClickAsync(new { prompt = "q.partner", choice = "school" });
        Assert.Contains("on repart de zéro", turn.Said);
    }

    [Fact]
    public async Task OneConflictReRunsTheTurnOnFreshStateAndSpeaksOnce()
    {
        var store = new InterferingStore(new MemoryStateStore());
        var bot = new TestBot(store);
        await bot.SayAsync("bonjour");
        store.InterfereWithNextWrites = 1;

        var turn = await bot.SayAsync("infirmiere");

        Assert.Equal(DialogTurnOutcome.Completed, turn.Outcome);
        Assert.Single(turn.Sent, s => s.Message.Text!.Contains("d'accord"));
    }

    [Fact]
    public async Task TwoConflictsAskToTryAgainAndLeaveTheStoredStateIntact()
    {
        var store = new InterferingStore(new MemoryStateStore());
        var bot = new TestBot(store);
        await bot.SayAsync("bonjour");
        var before = await store.ReadAsync(bot.StateKey, default);
        store.InterfereWithNextWrites = 2;

        var turn = await bot.SayAsync("infirmiere");
        var after = await store.ReadAsync(bot.StateKey, default);

        Assert.Equal(DialogTurnOutcome.Busy, turn.Outcome);
        Assert.Contains("Réessayez", Assert.Single(turn.Sent).Message.Text);
        Assert.Equal(before!.Value, after!.Value);
        Assert.Contains("La personne est-elle d'accord ?", (await bot.SayAsync("infirmiere")).Said);
    }

    [Fact]
    public async Task FiftyConcurrentTurnsOnOneConversationStayConsistent()
    {
        var store = new YieldingStore(new MemoryStateStore());
        var bot = new TestBot(store);
        await bot.SayAsync("bonjour");
        var turns = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => bot.SayAsync("zzz"))));

        // Each turn either applied (one more miss, its retry sent once) or was refused as busy, never half.
        var applied = turns.Count(t => t.Outcome == DialogTurnOutcome.Completed);
        var busy = turns.Count(t => t.Outcome == DialogTurnOutcome.Busy);
        Assert.Equal(50, applied + busy);
        Assert.True(applied >= 1);
        Assert.All(turns.Where(t => t.Outcome == DialogTurnOutcome.Completed), t => Assert.Single(t.Sent));
        var stored = await store.ReadAsync(bot.StateKey, default);
        var state = SecretBot.Dialogs.Engine.DialogStateSerializer.TryDeserialize(stored!.Value)!;
        Assert.Equal(applied, state.Active!.Values.GetInt("_misses"));
        Assert.Contains("Quelle est votre fonction ?", (await bot.SayAsync("retour")).Said);
        Figures.Report("dialogs.concurrent-turns (engine, no gate)", $"applied={applied} busy={busy}");
    }

    [Fact]
    public async Task AWriteThatBeganBeforeAnOutageWasNoticedDoesNotEndIt()
    {
        var logs = new CapturingLoggerProvider();
        var store = new OutageStore(new MemoryStateStore());
        var bot = new TestBot(store, logger: logs.LoggerFor<DialogTurnRunner>());

        // A turn whose write reached the store just before it went down, and gets its answer late.
        var early = Turn("conv-early", bot);
        await store.WriteReached.Task;
        store.Down = true;
        Assert.Equal(DialogTurnOutcome.StateUnavailable, (await Turn("conv-during", bot)).Outcome);
        store.ReleaseWrite.SetResult();
        await early;
        Assert.Equal(DialogTurnOutcome.StateUnavailable, (await Turn("conv-still-during", bot)).Outcome);
        store.Down = false;
        await Turn("conv-after", bot);

        Assert.Single(logs.Entries, e => e.Message.StartsWith("State store unreachable", StringComparison.Ordinal));
        Assert.Single(logs.Entries, e => e.Message == "State store reachable again");
    }

    private static async Task<RecordingEffects> Turn(string conversation, TestBot bot)
    {
        var effects = new RecordingEffects();
        effects.Outcome = await bot.Runner.RunAsync(new DialogTurnInput("bonjour", null), "test:c:" + conversation, effects, default);
        return effects;
    }

    /// <summary>A store that can be down (every call fails) and can hold its first write once it has reached the store.</summary>
    private sealed class OutageStore(IStateStore inner) : IStateStore
    {
        public bool Down { get; set; }

        public TaskCompletionSource WriteReached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource ReleaseWrite { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken) =>
            Down ? throw new StateUnavailableException("down") : inner.ReadAsync(key, cancellationToken);

        public async Task<WriteOutcome> WriteAsync(string key, byte[] value, string? expectedETag, TimeSpan timeToLive,
            CancellationToken cancellationToken)
        {
            if (Down)
            {
                throw new StateUnavailableException("down");
            }

            var written = await inner.WriteAsync(key, value, expectedETag, timeToLive, cancellationToken);
            if (WriteReached.TrySetResult())
            {
                await ReleaseWrite.Task;
            }

            return written;
        }

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);
    }

    /// <summary>A store whose every call yields first, so that concurrent turns really interleave.</summary>
    private sealed class YieldingStore(IStateStore inner) : IStateStore
    {
        public async Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken)
        {
            await Task.Yield();
            return await inner.ReadAsync(key, cancellationToken);
        }

        public async Task<WriteOutcome> WriteAsync(string key, byte[] value, string? expectedETag, TimeSpan timeToLive,
            CancellationToken cancellationToken)
        {
            await Task.Yield();
            return await inner.WriteAsync(key, value, expectedETag, timeToLive, cancellationToken);
        }

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);
    }

    /// <summary>A store where another writer slips in before the next writes: each of them then conflicts.</summary>
    private sealed class InterferingStore(IStateStore inner) : IStateStore
    {
        public int InterfereWithNextWrites { get; set; }

        public Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken) => inner.ReadAsync(key, cancellationToken);

        public async Task<WriteOutcome> WriteAsync(string key, byte[] value, string? expectedETag, TimeSpan timeToLive,
            CancellationToken cancellationToken)
        {
            if (InterfereWithNextWrites > 0)
            {
                InterfereWithNextWrites--;
                var current = await inner.ReadAsync(key, cancellationToken);
                await inner.WriteAsync(key, current!.Value, StoredItem.AnyETag, timeToLive, cancellationToken);
            }

            return await inner.WriteAsync(key, value, expectedETag, timeToLive, cancellationToken);
        }

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);
    }
}
