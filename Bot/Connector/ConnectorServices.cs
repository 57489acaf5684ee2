using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly.Telemetry;
using SecretBot.Bot.Configuration;

namespace SecretBot.Bot.Connector;

public static class ConnectorServices
{
    /// <summary>The connector client with its retry pipeline, and the token provider the bot's identity calls for.</summary>
    public static IServiceCollection AddConnector(this IServiceCollection services, IConfiguration configuration,
        BotCredentials credentials, AuthEndpoints endpoints)
    {
        var options = ConnectorOptions.From(configuration);
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);

        switch (credentials)
        {
            case { IsAnonymous: true }:
                services.AddSingleton<IAccessTokenProvider, NoTokenProvider>();
                break;
            case { AppType: AppType.UserAssignedMSI }:
                services.AddSingleton<IAccessTokenProvider>(new ManagedIdentityTokenProvider(credentials.AppId!));
                break;
            default:
                services.AddHttpClient(nameof(ClientCredentialsTokenProvider), http => http.Timeout = options.AttemptTimeout)
                    .RemoveAllLoggers();
                services.AddSingleton<IAccessTokenProvider>(provider => new ClientCredentialsTokenProvider(
                    provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ClientCredentialsTokenProvider)),
                    credentials, endpoints, provider.GetRequiredService<TimeProvider>(),
                    provider.GetRequiredService<ILogger<ClientCredentialsTokenProvider>>()));
                break;
        }

        // The bot logs each retry itself, in one line without URL or exception. Polly's telemetry would
        // log every failed attempt again as a warning with the exception's stack trace; its metrics stay.
        services.PostConfigure<TelemetryOptions>(telemetry => telemetry.LoggerFactory = NullLoggerFactory.Instance);

        // The default HttpClient logs print request URLs, and connector URLs carry conversation ids.
        services.AddHttpClient<IConnectorClient, ConnectorClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddResilienceHandler("connector", (pipeline, context) => ConnectorResilience.Configure(pipeline, options,
                context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("SecretBot.Bot.Connector.Retry")));
        return services;
    }
}
