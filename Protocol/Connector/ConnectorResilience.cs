using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace SecretBot.Protocol.Connector;

/// <summary>
/// The retry policy of every connector call: a bounded total time around bounded retries around a
/// timeout per attempt. Retries 429, 412, 502, 503, 504, network errors and attempt timeouts, with
/// exponential backoff and jitter, and waits what Retry-After asks when Teams says so.
/// </summary>
public static partial class ConnectorResilience
{
    private static readonly HashSet<HttpStatusCode> Transient =
    [
        HttpStatusCode.TooManyRequests, HttpStatusCode.PreconditionFailed, HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout,
    ];

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ConnectorOptions options, ILogger logger)
    {
        pipeline.AddTimeout(options.TotalTimeout);
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.FirstRetryDelay,
            MaxDelay = options.TotalTimeout,
            ShouldRetryAfterHeader = true,
            ShouldHandle = arguments => ValueTask.FromResult(IsTransient(arguments.Outcome)),
            OnRetry = arguments =>
            {
                LogRetry(logger, arguments.AttemptNumber + 1, (int?)arguments.Outcome.Result?.StatusCode ?? 0,
                    arguments.RetryDelay.TotalMilliseconds);
                ConnectorTelemetry.Retried(arguments.Outcome);
                return ValueTask.CompletedTask;
            },
        });
        pipeline.AddTimeout(options.AttemptTimeout);
    }

    /// <summary>Whether the pipeline retries this status: a failure with it means the retries were spent.</summary>
    internal static bool Retries(HttpStatusCode status) => Transient.Contains(status);

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => Transient.Contains(response.StatusCode),
        { Exception: HttpRequestException or Polly.Timeout.TimeoutRejectedException } => true,
        _ => false,
    };

    [LoggerMessage(EventId = 201, Level = LogLevel.Information,
        Message = "Connector call retried after attempt {Attempt} (status {Status}), waiting {DelayMs:F0} ms")]
    private static partial void LogRetry(ILogger logger, int attempt, int status, double delayMs);
}
