using SecretBot.Bench.Hosting;
using SecretBot.Bench.Load;
using SecretBot.Bench.Peers;

namespace SecretBot.Bench.Driver;

/// <summary>The managed heap an idle conversation costs, measured on a fresh anonymous bot with the memory store.</summary>
/// <param name="BotCpuMicrosecondsPerConversation">The bot's CPU time for creating them, per conversation (one message each).</param>
public sealed record IdleResult(long Conversations, double Seconds, long HeapBeforeBytes, long HeapAfterBytes, double BytesPerConversation,
    int StoredEntriesBefore, int StoredEntriesAfter, long WorkingSetAfterBytes, double BotCpuMicrosecondsPerConversation, long ErrorCount,
    IReadOnlyDictionary<string, long> Errors)
{
    public const string Includes =
        "managed heap after a full compacting GC, before and after: the conversation's state entry in the memory store " +
        "(hashed key, dialog stack JSON, ETag, cache entry, sliding expiry) and the activity ledger's entry for the " +
        "message that created it (kept 10 minutes to recognise Teams' re-sends); not the native memory of the runtime";
}

public static class IdleMemory
{
    private const int WarmUpConversations = 1_000;

    /// <summary>
    /// Creates <paramref name="count"/> conversations over HTTP, each with one message that leaves a
    /// sharing interview waiting on its first question, as fast as the bot takes them.
    /// </summary>
    public static async Task<IdleResult> MeasureAsync(LocalConnector sink, int count, int users)
    {
        await using var host = await HostProcess.StartBenchHostAsync(BenchMode.Anonymous,
            BotSettings.For(BenchMode.Anonymous, sink), "host-idle.log");
        using var generator = new LoadGenerator(host.BaseUrl, sink, floor: false, bearerToken: null);

        // The first conversations pay for JIT and first-use caches, which are not per conversation.
        var warm = await CreateAsync(generator, WarmUpConversations, users);
        var before = await host.StatsAsync(fullCollection: true);
        var created = await CreateAsync(generator, count, users);
        var after = await host.StatsAsync(fullCollection: true);

        var errors = warm.Errors.Concat(created.Errors).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Sum(e => e.Value));
        return new IdleResult(created.Walks, created.Seconds, before.HeapBytes, after.HeapBytes,
            (after.HeapBytes - before.HeapBytes) / (double)Math.Max(1, created.Walks),
            before.StoredEntries, after.StoredEntries, after.WorkingSetBytes,
            (after.CpuMilliseconds - before.CpuMilliseconds) * 1000 / Math.Max(1, created.Walks), warm.ErrorCount + created.ErrorCount, errors);
    }

    private static async Task<LoadResult> CreateAsync(LoadGenerator generator, int count, int users)
    {
        var run = generator.Start(new LoadPlan(Walks.OpenShare, users) { NewConversationEachWalk = true, WalkLimit = count });
        await run.Completion;
        return await run.StopAsync();
    }
}
