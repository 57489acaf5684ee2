using System.Diagnostics;
using System.Runtime;
using System.Runtime.CompilerServices;
using SecretBot.Dialogs.State;
using SecretBot.Protocol.Configuration;
using SecretBot.Conversations.Preferences;
using SecretBot.Conversations.Turns;

namespace SecretBot.Bench.Hosting;

/// <summary>What the bench host tells the driver about its own process (bench only, never in the product).</summary>
/// <param name="AllocatedBytes">Bytes allocated on the managed heap since the process started, all threads.</param>
/// <param name="HeapBytes">Managed heap in use; after a full blocking compacting collection when one was asked for.</param>
/// <param name="JitMilliseconds">Time spent compiling methods since the process started: warm-up still under way when it grows.</param>
/// <param name="StoredEntries">Entries in the in-memory state store (conversations and preferences), -1 for another store.</param>
public sealed record HostStats(
    long AllocatedBytes,
    long HeapBytes,
    long WorkingSetBytes,
    long PeakWorkingSetBytes,
    double CpuMilliseconds,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    double GcPauseMilliseconds,
    int StoredEntries,
    bool ServerGc,
    long JitCompiledMethods,
    double JitMilliseconds)
{
    public static HostStats Read(bool fullCollection, IStateStore store)
    {
        if (fullCollection)
        {
            // Twice, with finalizers in between, so that what finalization frees is gone too.
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        using var process = Process.GetCurrentProcess();
        return new HostStats(
            GC.GetTotalAllocatedBytes(precise: true),
            GC.GetTotalMemory(forceFullCollection: false),
            process.WorkingSet64,
            process.PeakWorkingSet64,
            process.TotalProcessorTime.TotalMilliseconds,
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            GC.GetTotalPauseDuration().TotalMilliseconds,
            store is MemoryStateStore memory ? memory.Count : -1,
            GCSettings.IsServerGC,
            JitInfo.GetCompiledMethodCount(),
            JitInfo.GetCompilationTime().TotalMilliseconds);
    }
}
