using SecretBot.Dialogs.Tests.Support;
using System.Text;
using SecretBot.Dialogs.State;

namespace SecretBot.Dialogs.Tests;

/// <summary>One contract for every state store: ETags, conflicts, last-writer-wins, delete, expiry.</summary>
public abstract class StateStoreContract
{
    protected abstract IStateStore Store { get; }

    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(5);

    private static string Key() => "test:" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task NothingStoredReadsAsNull() => Assert.Null(await Store.ReadAsync(Key(), default));

    [Fact]
    public async Task WriteThenReadGivesTheValueAndItsETag()
    {
        var key = Key();
        var written = await Store.WriteAsync(key, "one"u8.ToArray(), null, Ttl, default);
        var read = await Store.ReadAsync(key, default);

        Assert.True(written.Written);
        Assert.Equal("one", Encoding.UTF8.GetString(read!.Value));
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task MustNotExistFailsWhenSomethingIsThere()
    {
        var key = Key();
        await Store.WriteAsync(key, "one"u8.ToArray(), null, Ttl, default);
        Assert.False((await Store.WriteAsync(key, "two"u8.ToArray(), null, Ttl, default)).Written);
        Assert.Equal("one", Encoding.UTF8.GetString((await Store.ReadAsync(key, default))!.Value));
    }

    [Fact]
    public async Task AStaleETagConflictsAndLeavesTheValue()
    {
        var key = Key();
        var first = await Store.WriteAsync(key, "one"u8.ToArray(), null, Ttl, default);
        var second = await Store.WriteAsync(key, "two"u8.ToArray(), first.ETag, Ttl, default);
        var stale = await Store.WriteAsync(key, "three"u8.ToArray(), first.ETag, Ttl, default);

        Assert.True(second.Written);
        Assert.NotEqual(first.ETag, second.ETag);
        Assert.False(stale.Written);
        Assert.Equal("two", Encoding.UTF8.GetString((await Store.ReadAsync(key, default))!.Value));
    }

    [Fact]
    public async Task AnyETagIsLastWriterWins()
    {
        var key = Key();
        await Store.WriteAsync(key, "one"u8.ToArray(), null, Ttl, default);
        Assert.True((await Store.WriteAsync(key, "two"u8.ToArray(), StoredItem.AnyETag, Ttl, default)).Written);
        Assert.Equal("two", Encoding.UTF8.GetString((await Store.ReadAsync(key, default))!.Value));
    }

    [Fact]
    public async Task DeleteRemoves()
    {
        var key = Key();
        await Store.WriteAsync(key, "one"u8.ToArray(), null, Ttl, default);
        await Store.DeleteAsync(key, default);
        Assert.Null(await Store.ReadAsync(key, default));
    }

    [Fact]
    public async Task AnEntryLeftAloneExpires()
    {
        var key = Key();
        await Store.WriteAsync(key, "one"u8.ToArray(), null, TimeSpan.FromMilliseconds(300), default);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Null(await Store.ReadAsync(key, default));
    }

    [Fact]
    public async Task ConcurrentWritersWithTheSameETagOnlyOneWins()
    {
        var key = Key();
        var start = await Store.WriteAsync(key, "start"u8.ToArray(), null, Ttl, default);
        var attempts = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => Store.WriteAsync(key, Encoding.UTF8.GetBytes($"w{i}"), start.ETag, Ttl, default)));
        Assert.Single(attempts, a => a.Written);
    }
}

public sealed class MemoryStateStoreTests : StateStoreContract, IDisposable
{
    private readonly MemoryStateStore _store = new();

    protected override IStateStore Store => _store;

    public void Dispose() => _store.Dispose();
}

public sealed class RedisStateStoreTests(RedisServerFixture redis)
    : StateStoreContract, IClassFixture<RedisServerFixture>, IDisposable
{
    private readonly RedisStateStore _store = RedisStateStore.Connect(redis.ConnectionString);

    protected override IStateStore Store => _store;

    public void Dispose() => _store.Dispose();
}
