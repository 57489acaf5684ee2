using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SecretBot.Testing;

/// <summary>
/// Captures every log entry at every level (message, structured values, exception) so a test can
/// prove what the bot logs — and that it never logs what people typed. A long run can keep only the
/// entries it looks for (<paramref name="keep"/>) and still count every entry by level.
/// </summary>
public sealed class CapturingLoggerProvider(Func<LogEntry, bool>? keep = null) : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly ConcurrentQueue<string> _scopes = new();
    private readonly long[] _counts = new long[(int)LogLevel.None + 1];

    public IReadOnlyCollection<LogEntry> Entries => _entries;

    /// <summary>How many entries were logged at this level, kept or not.</summary>
    public long Count(LogLevel level) => Interlocked.Read(ref _counts[(int)level]);

    /// <summary>Everything logged, scopes included, as one text to search for a sentinel.</summary>
    public string AllText => string.Join('\n', _entries.Select(e => e.ToString()).Concat(_scopes));

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, this);

    /// <summary>A typed logger writing here, for a class built by hand rather than by the host.</summary>
    public ILogger<T> LoggerFor<T>() => new Typed<T>(CreateLogger(typeof(T).FullName!));

    private sealed class Typed<T>(ILogger inner) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, state, exception, formatter);
    }

    public void Dispose()
    {
    }

    private void Add(LogEntry entry)
    {
        Interlocked.Increment(ref _counts[(int)entry.Level]);
        if (keep?.Invoke(entry) ?? true)
        {
            _entries.Enqueue(entry);
        }
    }

    private sealed class CapturingLogger(string category, CapturingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            // A scope's values travel with every entry logged inside it, to any real provider.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.Select(p => $"{p.Key}={p.Value}") : [];
            provider._scopes.Enqueue($"scope {category}: {state} | {string.Join("; ", values)}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.Select(p => $"{p.Key}={p.Value}").ToArray()
                : [];
            provider.Add(new LogEntry(logLevel, category, eventId.Id, formatter(state, exception), values, exception?.ToString()));
        }
    }
}

public sealed record LogEntry(LogLevel Level, string Category, int EventId, string Message, string[] Values, string? Exception)
{
    public override string ToString() =>
        $"{Level} {Category}[{EventId}] {Message} | {string.Join("; ", Values)} | {Exception}";
}
