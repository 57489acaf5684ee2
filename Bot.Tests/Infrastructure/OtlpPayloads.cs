using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace SecretBot.Bot.Tests.Infrastructure;

/// <summary>One data point of an exported metric: its attributes, and its value (a histogram's count).</summary>
public sealed record OtlpPoint(IReadOnlyDictionary<string, string> Attributes, double Value);

public sealed record OtlpMetric(string Scope, string Name, string Unit, string Kind, IReadOnlyList<OtlpPoint> Points);

/// <param name="Kind">OTLP's SpanKind: 1 internal, 2 server, 3 client.</param>
public sealed record OtlpSpan(string Scope, string Name, int Kind, IReadOnlyDictionary<string, string> Attributes);

/// <summary>
/// Reads OTLP/protobuf exports (opentelemetry-proto, collector/*/v1) far enough for a test: metric
/// names, kinds, units and data points with their attributes; span names, kinds and attributes.
/// Protobuf's wire format decoded by hand; the OpenTelemetry.Proto package is not served here.
/// </summary>
public static class OtlpPayloads
{
    public static IEnumerable<OtlpMetric> Metrics(byte[] body) =>
        from resource in Messages(body, 1)                       // ExportMetricsServiceRequest.resource_metrics
        from scope in Messages(resource, 2)                      // ResourceMetrics.scope_metrics
        let scopeName = ScopeName(scope)
        from metric in Messages(scope, 2)                        // ScopeMetrics.metrics
        select ReadMetric(scopeName, metric);

    public static IEnumerable<OtlpSpan> Spans(byte[] body) =>
        from resource in Messages(body, 1)                       // ExportTraceServiceRequest.resource_spans
        from scope in Messages(resource, 2)                      // ResourceSpans.scope_spans
        let scopeName = ScopeName(scope)
        from span in Messages(scope, 2)                          // ScopeSpans.spans
        select new OtlpSpan(scopeName, Text(span, 5), (int)Varint(span, 6), Attributes(span, 9));

    private static string ScopeName(ReadOnlyMemory<byte> scope) =>
        Messages(scope, 1).Select(s => Text(s, 1)).FirstOrDefault() ?? "";

    private static OtlpMetric ReadMetric(string scope, ReadOnlyMemory<byte> metric)
    {
        // Metric: 5 gauge, 7 sum, 9 histogram; NumberDataPoint attributes 7, HistogramDataPoint attributes 9 and count 4.
        foreach (var (field, kind) in new[] { (5, "gauge"), (7, "sum"), (9, "histogram") })
        {
            foreach (var data in Messages(metric, field))
            {
                var points = Messages(data, 1).Select(point => kind == "histogram"
                    ? new OtlpPoint(Attributes(point, 9), Fixed64(point, 4))
                    : new OtlpPoint(Attributes(point, 7), NumberValue(point))).ToList();
                return new OtlpMetric(scope, Text(metric, 1), Text(metric, 3), kind, points);
            }
        }

        return new OtlpMetric(scope, Text(metric, 1), Text(metric, 3), "other", []);
    }

    private static double NumberValue(ReadOnlyMemory<byte> point)
    {
        foreach (var (field, _, value, _) in Fields(point))
        {
            if (field == 4)
                return BitConverter.Int64BitsToDouble((long)value);
            if (field == 6)
                return (long)value;
        }

        return 0;
    }

    private static Dictionary<string, string> Attributes(ReadOnlyMemory<byte> message, int field)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in Messages(message, field))
        {
            var value = Messages(pair, 2).FirstOrDefault();
            attributes[Text(pair, 1)] = AnyValue(value);
        }

        return attributes;
    }

    /// <summary>AnyValue: 1 string, 2 bool, 3 int, 4 double; anything else as its bytes in hex.</summary>
    private static string AnyValue(ReadOnlyMemory<byte> value)
    {
        foreach (var (field, _, number, bytes) in Fields(value))
        {
            return field switch
            {
                1 => Encoding.UTF8.GetString(bytes.Span),
                2 => (number != 0).ToString(),
                3 => ((long)number).ToString(CultureInfo.InvariantCulture),
                4 => BitConverter.Int64BitsToDouble((long)number).ToString(CultureInfo.InvariantCulture),
                _ => Convert.ToHexString(bytes.Span),
            };
        }

        return "";
    }

    private static IEnumerable<ReadOnlyMemory<byte>> Messages(ReadOnlyMemory<byte> message, int field) =>
        Fields(message).Where(f => f.Field == field && f.WireType == 2).Select(f => f.Bytes);

    private static string Text(ReadOnlyMemory<byte> message, int field) =>
        Messages(message, field).Select(bytes => Encoding.UTF8.GetString(bytes.Span)).FirstOrDefault() ?? "";

    private static ulong Varint(ReadOnlyMemory<byte> message, int field) =>
        Fields(message).Where(f => f.Field == field && f.WireType == 0).Select(f => f.Number).FirstOrDefault();

    private static double Fixed64(ReadOnlyMemory<byte> message, int field) =>
        Fields(message).Where(f => f.Field == field && f.WireType == 1).Select(f => (double)f.Number).FirstOrDefault();

    /// <summary>Protobuf's wire format: a varint key (field number, wire type), then a varint, 8 bytes, a length and bytes, or 4 bytes.</summary>
    private static IEnumerable<(int Field, int WireType, ulong Number, ReadOnlyMemory<byte> Bytes)> Fields(ReadOnlyMemory<byte> message)
    {
        var at = 0;
        while (at < message.Length)
        {
            var key = ReadVarint(message.Span, ref at);
            var (field, wireType) = ((int)(key >> 3), (int)(key & 7));
            switch (wireType)
            {
                case 0:
                    yield return (field, wireType, ReadVarint(message.Span, ref at), default);
                    break;
                case 1:
                    yield return (field, wireType, BinaryPrimitives.ReadUInt64LittleEndian(message.Span[at..]), default);
                    at += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(message.Span, ref at);
                    yield return (field, wireType, 0, message.Slice(at, length));
                    at += length;
                    break;
                case 5:
                    yield return (field, wireType, BinaryPrimitives.ReadUInt32LittleEndian(message.Span[at..]), default);
                    at += 4;
                    break;
                default:
                    throw new InvalidDataException($"wire type {wireType} at byte {at}: not an OTLP protobuf message");
            }
        }
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> bytes, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
                return value;
        }
    }
}
