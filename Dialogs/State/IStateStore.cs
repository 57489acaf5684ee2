namespace SecretBot.Dialogs.State;

/// <summary>
/// Small documents with ETags: a write names the ETag it read and fails if someone wrote in
/// between, so two turns can never silently overwrite each other's dialog state.
/// </summary>
public interface IStateStore
{
    /// <summary>The stored value and its ETag, or null when nothing is stored (or it expired).</summary>
    Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Writes when the stored ETag is <paramref name="expectedETag"/>: null means "must not exist
    /// yet", <see cref="StoredItem.AnyETag"/> means last writer wins. Each write restarts the expiry.
    /// </summary>
    Task<WriteOutcome> WriteAsync(string key, byte[] value, string? expectedETag, TimeSpan timeToLive,
        CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

public sealed record StoredItem(byte[] Value, string ETag)
{
    public const string AnyETag = "*";
}

/// <summary>The result of a conditional write: written (with the new ETag) or a conflict.</summary>
public sealed record WriteOutcome(bool Written, string? ETag)
{
    public static WriteOutcome Conflict { get; } = new(false, null);

    public static WriteOutcome Ok(string etag) => new(true, etag);
}

/// <summary>The store cannot be reached (e.g. Redis down): the turn answers with a service message.</summary>
public sealed class StateUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
