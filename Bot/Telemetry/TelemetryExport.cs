using SecretBot.Protocol.Configuration;

namespace SecretBot.Bot.Telemetry;

/// <summary>
/// Where the traces and metrics go, read once at start from the standard variables: OTLP when an
/// <c>OTEL_EXPORTER_OTLP_*ENDPOINT</c> is set (the SDK reads the rest: protocol, headers, intervals),
/// Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is. Neither, or
/// <c>OTEL_SDK_DISABLED=true</c>: nothing is exported and no SDK runs.
/// </summary>
public sealed record TelemetryExport(bool Otlp, string? AzureMonitor, string ServiceName)
{
    private static readonly string[] OtlpEndpoints =
        ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"];

    public bool Any => Otlp || AzureMonitor is not null;

    public static TelemetryExport From(IConfiguration configuration)
    {
        if (bool.TryParse(configuration["OTEL_SDK_DISABLED"], out var disabled) && disabled)
        {
            return new TelemetryExport(false, null, "");
        }

        var otlp = false;
        foreach (var key in OtlpEndpoints)
        {
            var value = configuration[key];
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (!Uri.TryCreate(value, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            {
                throw new SettingException(key, $"'{value}' is not an http(s) URL.");
            }

            otlp = true;
        }

        var azureMonitor = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        if (string.IsNullOrWhiteSpace(azureMonitor))
        {
            azureMonitor = null;
        }
        else if (!azureMonitor.Contains("InstrumentationKey=", StringComparison.OrdinalIgnoreCase))
        {
            // Not quoted: the connection string is a secret of sorts.
            throw new SettingException("APPLICATIONINSIGHTS_CONNECTION_STRING", "it has no InstrumentationKey.");
        }

        var serviceName = configuration["OTEL_SERVICE_NAME"];
        return new TelemetryExport(otlp, azureMonitor, string.IsNullOrWhiteSpace(serviceName) ? "secretbot" : serviceName);
    }
}
