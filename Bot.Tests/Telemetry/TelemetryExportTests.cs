using System.Text;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SecretBot.Bot.Tests.Conversations;
using SecretBot.Testing;

namespace SecretBot.Bot.Tests.Telemetry;

/// <summary>
/// The real bot exports to a receiver on loopback, configured only as an operator would: the
/// standard OTEL_* settings, or an Application Insights connection string. The turns by outcome and
/// their durations, the dialog turns, the vote, the connector's refusal and the spans arrive; and
/// not one exported byte holds what the person typed, their name, their user id, the conversation
/// id, or a connector URL path.
/// </summary>
public sealed class TelemetryExportTests
{
    private static readonly string Marker = $"SENTINEL-otel-{Guid.NewGuid():N}"[..26];

    [Fact]
    public async Task OtlpGetsTurnsVotesFailuresAndSpansWithoutAWordOrAnIdOfTheConversation()
    {
        await using var receiver = await TelemetryReceiver.StartAsync();
        await using var connector = await LocalConnector.StartAsync();
        await PlayAsync(connector, new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.BaseUrl.AbsoluteUri.TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_SERVICE_NAME"] = "secretbot-test",
        });

        var exports = receiver.Exports.ToList();
        Assert.Contains(exports, e => e.Path == "/v1/traces");
        Assert.Contains(exports, e => e.Path == "/v1/metrics");
        Assert.DoesNotContain(exports, e => e.Path == "/v1/logs");
        Assert.All(exports, export => Assert.Equal("application/x-protobuf", export.ContentType));
        // Uncompressed: the scan reads the very bytes that would leave the machine.
        Assert.All(exports, export => Assert.Equal("", export.ContentEncoding));
        AssertNothingForbidden(exports, connector);

        var metrics = exports.Where(e => e.Path == "/v1/metrics").SelectMany(e => OtlpPayloads.Metrics(e.Body)).ToList();
        var spans = exports.Where(e => e.Path == "/v1/traces").SelectMany(e => OtlpPayloads.Spans(e.Body)).ToList();
        Figures.Report("telemetry.otlp", $"{exports.Count} exports, {exports.Sum(e => e.Body.Length)} bytes: " +
            $"{metrics.Select(m => m.Name).Distinct().Count()} metrics, {spans.Count} spans; no sentinel, id or connector path");

        AssertPoint(metrics, "secretbot.turn.duration", "histogram", "s", ("activity.type", "message"), ("outcome", "handled"));
        AssertPoint(metrics, "secretbot.turn.duration", "histogram", "s", ("activity.type", "invoke:adaptiveCard/action"), ("outcome", "handled"));
        AssertPoint(metrics, "secretbot.turn.duration", "histogram", "s", ("activity.type", "message"), ("outcome", "duplicate"));
        AssertPoint(metrics, "secretbot.turn.duration", "histogram", "s", ("activity.type", "message"), ("outcome", "undelivered"));
        AssertPoint(metrics, "secretbot.dialog.turns", "sum", "{turn}", ("outcome", "completed"));
        AssertPoint(metrics, "secretbot.answer.feedback", "sum", "", ("outcome", "share.no_school"), ("rating", "up"));
        AssertPoint(metrics, "secretbot.connector.failures", "sum", "{call}", ("operation", "reply"), ("reason", "refused"), ("error.type", "403"));
        AssertPoint(metrics, "http.server.request.duration", "histogram", "s", ("http.route", "/api/messages"));
        Assert.All(metrics.Where(m => m.Name.StartsWith("secretbot.", StringComparison.Ordinal)), m => Assert.Equal("SecretBot", m.Scope));

        Assert.Contains(spans, s => s.Name == "turn message" && s.Attributes.GetValueOrDefault("outcome") == "handled");
        Assert.Contains(spans, s => s.Name == "dialog turn" && s.Attributes.GetValueOrDefault("outcome") == "completed");
        Assert.Contains(spans, s => s.Name == "connector reply" && s.Attributes.GetValueOrDefault("reason") == "refused");
        var inbound = spans.Where(s => s.Kind == 2).ToList();
        Assert.Contains(inbound, s => s.Name == "POST /api/messages" && s.Attributes.GetValueOrDefault("url.path") == "/api/messages");
        Assert.All(inbound, s => Assert.DoesNotContain("url.query", s.Attributes.Keys));
        // The connector's calls were traced: the host and the method, never the URL.
        var outbound = spans.Where(s => s.Kind == 3 && s.Attributes.GetValueOrDefault("server.port") == connector.ServiceUrl.Port.ToString()).ToList();
        Assert.Contains(outbound, s => s.Name == "POST");
        Assert.All(outbound, s => Assert.DoesNotContain(s.Attributes.Keys, key => key.StartsWith("url.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AzureMonitorGetsTheSameWithoutAWordOrAnIdOfTheConversation()
    {
        await using var receiver = await TelemetryReceiver.StartAsync();
        await using var connector = await LocalConnector.StartAsync();
        await PlayAsync(connector, new Dictionary<string, string?>
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = receiver.AzureMonitorConnectionString,
        }, services => services.PostConfigure<AzureMonitorExporterOptions>(azure =>
        {
            // Every trace: the exporter's default of 5 a second is spent by the other tests' requests in this process.
            azure.TracesPerSecond = null;
            azure.SamplingRatio = 1;
        }));

        var exports = receiver.Exports.ToList();
        Assert.All(exports, export => Assert.Equal("/v2.1/track", export.Path));
        AssertNothingForbidden(exports, connector);

        var items = string.Join('\n', exports.Select(e => Encoding.UTF8.GetString(e.Body)));
        Figures.Report("telemetry.azureMonitor", $"{exports.Count} exports, {items.Length} characters of JSON; no sentinel, id or connector path");
        var kinds = string.Join(", ", System.Text.RegularExpressions.Regex.Matches(items, "\"baseType\":\"(\\w+)\"").Select(m => m.Groups[1].Value).Distinct());
        foreach (var expected in new[]
                 {
                     "\"RequestData\"", "\"RemoteDependencyData\"", "\"name\":\"POST /api/messages\"", "\"name\":\"turn message\"",
                     "\"name\":\"secretbot.turn.duration\"", "\"name\":\"secretbot.dialog.turns\"", "\"name\":\"secretbot.answer.feedback\"",
                     "\"name\":\"secretbot.connector.failures\"", "\"rating\":\"up\"", "\"outcome\":\"undelivered\"",
                 })
        {
            Assert.True(items.Contains(expected, StringComparison.Ordinal), $"{expected} was not exported; items of kinds {kinds}");
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("OTEL_SDK_DISABLED")]
    public async Task WithoutAnExporterNoTelemetrySdkRuns(string? disabledBy)
    {
        var settings = new Dictionary<string, string?>();
        if (disabledBy is not null)
        {
            settings[disabledBy] = "true";
            settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9";
        }

        await using var bot = await BotHost.StartAsync(settings);
        Assert.Null(bot.Services.GetService(typeof(TracerProvider)));
        Assert.Null(bot.Services.GetService(typeof(MeterProvider)));
    }

    /// <summary>A typed sentence, a click to an answer, a vote, a re-sent activity, a reply the connector refuses; then the bot stops.</summary>
    private static async Task PlayAsync(LocalConnector connector, Dictionary<string, string?> telemetry,
        Action<IServiceCollection>? replaceServices = null)
    {
        var bot = await BotHost.StartAsync(new Dictionary<string, string?>(telemetry)
        {
            ["Bot:Language"] = "fr",
            ["Bot:DefaultJurisdiction"] = "BE",
        }, replaceServices: replaceServices);
        try
        {
            var user = new TeamsUser(bot, connector, $"a:{Marker}-conversation", userId: $"29:{Marker}-user") { UserName = $"{Marker} Dubois" };
            var understood = (await user.SayAsync($"{Marker} : puis-je partager avec l'école ?")).Last(r => r.Method == "POST").Card()!;
            await user.ExecuteAsync(understood.Button("understood-confirm"), null);
            var answer = user.NewReplies().Last(r => r.Method == "POST").Card()!;
            await user.ExecuteAsync(answer.Button("feedback", "rating", "up"), null);

            // Teams re-sends an activity it got no answer to in time: the second copy is a duplicate turn.
            var resent = user.Typed($"{Marker} une seconde fois");
            using var http = new HttpClient();
            for (var copy = 0; copy < 2; copy++)
            {
                using var response = await http.PostAsync(bot.MessagesUrl, new StringContent(resent.ToJsonString(), Encoding.UTF8, "application/json"));
                Assert.True(response.IsSuccessStatusCode);
            }

            connector.EnqueueFaults(new Fault(403));
            await user.SayAsync($"aide {Marker}");
            Assert.Contains(connector.Activities, a => a.Answered == 403);
        }
        finally
        {
            // Everything the exporters hold, sent now: a stopping host may keep it on disk for its next
            // start instead (Azure Monitor's exporter does).
            (bot.Services.GetService(typeof(TracerProvider)) as TracerProvider)?.ForceFlush();
            (bot.Services.GetService(typeof(MeterProvider)) as MeterProvider)?.ForceFlush();
            await bot.DisposeAsync();
        }
    }

    private static void AssertNothingForbidden(IReadOnlyList<ReceivedExport> exports, LocalConnector connector)
    {
        Assert.NotEmpty(exports);
        // Every path the bot called on the connector, as it was called (the ids percent-encoded).
        var paths = connector.Activities.Select(a => a.RawPath).Distinct().ToList();
        Assert.NotEmpty(paths);
        string[] forbidden = [Marker, "/v3/conversations", "conversations/", "/activities", .. paths];
        foreach (var export in exports)
        {
            // Protobuf keeps strings as UTF-8 bytes, Azure Monitor's JSON is UTF-8: any that slipped in shows.
            var text = Encoding.UTF8.GetString(export.Body);
            foreach (var word in forbidden)
            {
                var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
                var from = Math.Max(0, at - 80);
                Assert.True(at < 0, $"{export.Path} holds '{word}': …{(at < 0 ? "" : text.Substring(from, Math.Min(160, text.Length - from)))}…");
            }
        }
    }

    private static void AssertPoint(IReadOnlyList<OtlpMetric> metrics, string name, string kind, string unit,
        params (string Key, string Value)[] attributes)
    {
        var metric = metrics.Where(m => m.Name == name).ToList();
        Assert.True(metric.Count > 0, $"{name} was not exported; exported: {string.Join(", ", metrics.Select(m => m.Name).Distinct())}");
        Assert.All(metric, m => Assert.Equal((kind, unit), (m.Kind, m.Unit)));
        var points = metric.SelectMany(m => m.Points).ToList();
        Assert.True(points.Any(p => p.Value > 0 && attributes.All(a => p.Attributes.GetValueOrDefault(a.Key) == a.Value)),
            $"{name} has no point with {string.Join(", ", attributes)}: " +
            string.Join(" | ", points.Select(p => string.Join(",", p.Attributes.Select(a => $"{a.Key}={a.Value}")))));
    }
}
