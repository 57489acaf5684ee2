using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly.Telemetry;
using SecretBot.Protocol.Configuration;

namespace SecretBot.Protocol.Connector;

public static class ConnectorServices
{
    /// <summary>The connector client with its retry pipeline, and the token provider the bot's identity calls for.</summary>
    public static IServiceCollection AddConnector(this IServiceCollection services, IConfiguration configuration,
        BotCredentials credentials, AuthEndpoints endpoints, bool development)
    {
        var options = ConnectorOptions.From(configuration);
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new ServiceUrlTrust(development, credentials.IsAnonymous, options.TrustedHosts,
            provider.GetRequiredService<ILogger<ServiceUrlTrust>>()));

        switch (credentials)
        {
            case { IsAnonymous: true }:
                services.AddSingleton<IAccessTokenProvider, NoTokenProvider>();
                break;
            case { AppType: AppType.UserAssignedMSI }:
                services.AddSingleton<IAccessTokenProvider>(provider => new ManagedIdentityTokenProvider(credentials.AppId!,
                    provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<ManagedIdentityTokenProvider>>()));
                break;
            default:
                // Read now: a certificate or token file that cannot be used stops the start, naming its setting.
                var credential = ClientCredential.From(credentials, TimeProvider.System);
                var authority = endpoints.TokenAuthority(credentials.TokenTenant);
                services.AddHttpClient(TokenHttpClients.Name, http => http.Timeout = options.AttemptTimeout)
                    .RemoveAllLoggers().ConfigurePrimaryHttpMessageHandler(() => TokenHttpClients.Handler(authority));
                services.AddSingleton<IAccessTokenProvider>(provider => new ClientCredentialsTokenProvider(credentials, credential, endpoints,
                    new TokenHttpClients(provider.GetRequiredService<IHttpClientFactory>()), provider.GetRequiredService<TimeProvider>(),
                    provider.GetRequiredService<ILogger<ClientCredentialsTokenProvider>>()));
                break;
        }

        // The bot logs each retry itself, in one line without URL or exception. Polly's telemetry would
        // log every failed attempt again as a warning with the exception's stack trace; its metrics stay.
        services.PostConfigure<TelemetryOptions>(telemetry => telemetry.LoggerFactory = NullLoggerFactory.Instance);

        // The default HttpClient logs print request URLs, and connector URLs carry conversation ids.
        // No redirects either: the trust check is made on the serviceUrl, and a redirect would take the token elsewhere.
        services.AddHttpClient<IConnectorClient, ConnectorClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(NoRedirects)
            .AddResilienceHandler("connector", (pipeline, context) => ConnectorResilience.Configure(pipeline, options,
                context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("SecretBot.Protocol.Connector.Retry")));
        return services;
    }

    private static HttpMessageHandler NoRedirects() => new SocketsHttpHandler { AllowAutoRedirect = false };
}
