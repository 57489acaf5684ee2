using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SecretBot.Bot.Tests.Infrastructure;

/// <summary>
/// Captures every log entry at every level (message, structured values, exception) so a test can
/// prove what the bot logs — and that it never logs what people typed.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly ConcurrentQueue<string> _scopes = new();

    public IReadOnlyCollection<LogEntry> Entries => _entries;

    /// <summary>Everything logged, scopes included, as one text to search for a sentinel.</summary>
    public string AllText => string.Join('\n', _entries.Select(e => e.ToString()).Concat(_scopes));

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries, _scopes);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<LogEntry> entries, ConcurrentQueue<string> scopes) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            // A scope's values travel with every entry logged inside it, to any real provider.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.Select(p => $"{p.Key}={p.Value}") : [];
            scopes.Enqueue($"scope {category}: {state} | {string.Join("; ", values)}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.Select(p => $"{p.Key}={p.Value}").ToArray()
                : [];
            entries.Enqueue(new LogEntry(logLevel, category, eventId.Id, formatter(state, exception), values, exception?.ToString()));
        }
    }
}

public sealed record LogEntry(LogLevel Level, string Category, int EventId, string Message, string[] Values, string? Exception)
{
    public override string ToString() =>
        $"{Level} {Category}[{EventId}] {Message} | {string.Join("; ", Values)} | {Exception}";
}
