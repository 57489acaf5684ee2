using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SecretBot.Bot.Health;
using SecretBot.Bot.Telemetry;

namespace SecretBot.Bot.Hosting;

public static class TelemetryServices
{
    /// <summary>The name of the meter and the activity source of every project of the bot.</summary>
    public const string SecretBot = "SecretBot";

    /// <summary>
    /// Traces and metrics over OTLP and/or to Azure Monitor, as <see cref="TelemetryExport"/> reads
    /// them from the environment; nothing at all when neither is set. The bot's own spans and
    /// instruments (turns, dialog turns, votes, connector failures, state-store outages), ASP.NET
    /// Core's and HttpClient's (their spans through <see cref="SpanRedaction"/>) and the runtime's.
    /// Logs are not exported: they stay on the console, where the host's platform collects them.
    /// </summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var export = TelemetryExport.From(builder.Configuration);
        if (!export.Any)
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            // No generated instance id: Azure Monitor then names the instance after the machine.
            .ConfigureResource(resource => resource.AddService(export.ServiceName, autoGenerateServiceInstanceId: false))
            .WithTracing(tracing =>
            {
                tracing.AddSource(SecretBot)
                    // App Service probes /readyz every minute on every instance: counted in metrics, not traced.
                    .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = http => !HealthEndpoints.IsProbe(http.Request.Path))
                    .AddHttpClientInstrumentation()
                    // Before the exporters: processors see an ending span in the order they were added.
                    .AddProcessor(new SpanRedaction());
                if (export.Otlp)
                {
                    tracing.AddOtlpExporter();
                }

                if (export.AzureMonitor is { } connectionString)
                {
                    tracing.AddAzureMonitorTraceExporter(azure => azure.ConnectionString = connectionString);
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(SecretBot, "System.Runtime")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (export.Otlp)
                {
                    metrics.AddOtlpExporter();
                }

                if (export.AzureMonitor is { } connectionString)
                {
                    metrics.AddAzureMonitorMetricExporter(azure => azure.ConnectionString = connectionString);
                }
            });
        return builder;
    }
}
