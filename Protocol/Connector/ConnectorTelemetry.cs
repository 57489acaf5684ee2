using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Polly;
using SecretBot.Protocol.Telemetry;

namespace SecretBot.Protocol.Connector;

/// <summary>
/// A span per connector call, named by its operation, and two counters: the calls that failed for
/// good (<c>secretbot.connector.failures</c>) and the retries on the way (<c>secretbot.connector.retries</c>).
/// The URL is never a tag: connector paths carry conversation and activity ids.
/// </summary>
internal static class ConnectorTelemetry
{
    public const string FailuresName = "secretbot.connector.failures";
    public const string RetriesName = "secretbot.connector.retries";

    private static readonly Counter<long> Failures = ProtocolTelemetry.Meter.CreateCounter<long>(FailuresName, unit: "{call}",
        description: "Connector calls that failed for good, by operation, reason (refused, gave_up, untrusted) and error type");

    private static readonly Counter<long> Retries = ProtocolTelemetry.Meter.CreateCounter<long>(RetriesName, unit: "{retry}",
        description: "Connector attempts retried (throttling, transient failures, attempt timeouts), by error type");

    /// <param name="operation">reply, send, update, delete or create-conversation (<see cref="ConnectorClient"/>'s own names).</param>
    public static Activity? Start(string operation)
    {
        var span = ProtocolTelemetry.Source.StartActivity("connector");
        if (span is not null)
        {
            span.DisplayName = $"connector {operation}";
            span.SetTag("operation", operation);
        }

        return span;
    }

    /// <summary>The serviceUrl's host is not trusted: nothing was sent.</summary>
    public static void Untrusted(Activity? span, string operation) => Failed(span, operation, "untrusted", "untrusted_service_url");

    /// <summary>
    /// The connector answered with a failure. A status the pipeline retries means the retries were
    /// spent (gave up); any other is the connector's refusal (401, 403, 404, 413…).
    /// </summary>
    public static void Answered(Activity? span, string operation, HttpStatusCode status) =>
        Failed(span, operation, ConnectorResilience.Retries(status) ? "gave_up" : "refused", ErrorType(status));

    /// <summary>No answer at all: network errors or timeouts until the pipeline gave up.</summary>
    public static void NoAnswer(Activity? span, string operation, Exception exception) =>
        Failed(span, operation, "gave_up", ErrorType(exception));

    public static void Retried(Outcome<HttpResponseMessage> outcome) =>
        Retries.Add(1, new KeyValuePair<string, object?>("error.type",
            outcome.Result is { } response ? ErrorType(response.StatusCode) : ErrorType(outcome.Exception)));

    private static void Failed(Activity? span, string operation, string reason, string errorType)
    {
        Failures.Add(1, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("reason", reason),
            new KeyValuePair<string, object?>("error.type", errorType));
        if (span is not null)
        {
            span.SetTag("reason", reason);
            span.SetTag("error.type", errorType);
            span.SetStatus(ActivityStatusCode.Error);
        }
    }

    /// <summary>OpenTelemetry's error.type: the status code as text, or a closed name for no answer (never a message).</summary>
    private static string ErrorType(HttpStatusCode status) => ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string ErrorType(Exception? exception) => exception switch
    {
        Polly.Timeout.TimeoutRejectedException or TimeoutException or OperationCanceledException => "timeout",
        _ => "network_error",
    };
}
