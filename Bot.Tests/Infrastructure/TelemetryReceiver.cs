using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SecretBot.Bot.Tests.Infrastructure;

/// <summary>
/// Where the bot's telemetry lands in the tests, on loopback: an OpenTelemetry collector's OTLP/HTTP
/// front door (<c>/v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c>) and Azure Monitor's ingestion
/// endpoint (<c>/v2.1/track</c>, gzipped JSON lines). Every export is kept as the bytes that
/// arrived (Azure Monitor's unzipped), to decode (<see cref="OtlpPayloads"/>) and to scan as they are.
/// </summary>
public sealed class TelemetryReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedExport> _exports = new();
    private WebApplication _app = null!;

    private TelemetryReceiver()
    {
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>A connection string that sends Azure Monitor's exporter here (and nowhere else).</summary>
    public string AzureMonitorConnectionString =>
        $"InstrumentationKey=00000000-0000-4000-8000-000000000017;IngestionEndpoint={BaseUrl.AbsoluteUri}";

    public IReadOnlyCollection<ReceivedExport> Exports => _exports;

    public static async Task<TelemetryReceiver> StartAsync()
    {
        var receiver = new TelemetryReceiver();
        (receiver._app, receiver.BaseUrl) = await LoopbackApp.StartAsync(app =>
        {
            foreach (var signal in new[] { "traces", "metrics", "logs" })
            {
                app.MapPost($"/v1/{signal}", (Delegate)receiver.ReceiveOtlpAsync);
            }

            app.MapPost("/v2.1/track", (Delegate)receiver.ReceiveAzureMonitorAsync);
        });
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ReceiveOtlpAsync(HttpContext http)
    {
        await KeepAsync(http, http.Request.Body);
        // An empty Export…ServiceResponse: everything accepted.
        http.Response.ContentType = "application/x-protobuf";
    }

    private async Task ReceiveAzureMonitorAsync(HttpContext http)
    {
        var gzipped = http.Request.Headers.ContentEncoding.ToString() == "gzip";
        await using var body = gzipped ? new GZipStream(http.Request.Body, CompressionMode.Decompress) : http.Request.Body;
        var items = await KeepAsync(http, body);
        var count = items.Count(b => b == (byte)'\n') + 1;
        await http.Response.WriteAsJsonAsync(new { itemsReceived = count, itemsAccepted = count, errors = Array.Empty<object>() });
    }

    private async Task<byte[]> KeepAsync(HttpContext http, Stream body)
    {
        using var copy = new MemoryStream();
        await body.CopyToAsync(copy);
        var bytes = copy.ToArray();
        _exports.Enqueue(new ReceivedExport(http.Request.Path, http.Request.ContentType, http.Request.Headers.ContentEncoding.ToString(), bytes));
        return bytes;
    }
}

/// <param name="Path">/v1/traces, /v1/metrics, /v1/logs (OTLP) or /v2.1/track (Azure Monitor).</param>
/// <param name="Body">What arrived: protobuf for OTLP; Azure Monitor's JSON lines, unzipped.</param>
public sealed record ReceivedExport(string Path, string? ContentType, string ContentEncoding, byte[] Body);
