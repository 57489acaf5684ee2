using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace SecretBot.Bot.Tests.Infrastructure;

/// <summary>
/// Records every measurement of every instrument published in the process while it listens (the
/// bot's own meters and ASP.NET Core's), with its tags, so a test can read what the metrics say.
/// </summary>
public sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public MetricsRecorder(Func<Instrument, bool>? listensTo = null)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (listensTo?.Invoke(instrument) ?? true)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags)
    {
        public override string ToString() =>
            $"{Instrument}={Value} {string.Join(",", Tags.Select(tag => $"{tag.Key}:{tag.Value}"))}";
    }

    public IReadOnlyCollection<Measurement> Measurements => _measurements;

    /// <summary>Every measurement as one text, to search for a sentinel.</summary>
    public string AllText => string.Join('\n', _measurements);

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copied = new Dictionary<string, string?>();
        foreach (var tag in tags)
            copied[tag.Key] = tag.Value?.ToString();
        _measurements.Enqueue(new Measurement(instrument.Name, value, copied));
    }
}
