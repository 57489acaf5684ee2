using Microsoft.Extensions.Logging;
using SecretBot.Protocol.Configuration;

namespace SecretBot.Protocol.Auth;

public static class AuthServices
{
    /// <summary>The inbound authenticator and the two key sources it reads (Bot Framework channels, Entra).</summary>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services, BotCredentials credentials,
        AuthEndpoints endpoints, CallerPolicy policy)
    {
        services.AddSingleton(policy);
        services.AddHttpClient("openid-metadata", http => http.Timeout = TimeSpan.FromSeconds(10)).RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<IRequestAuthenticator>(provider =>
        {
            var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient("openid-metadata");
            var clock = provider.GetService<TimeProvider>() ?? TimeProvider.System;
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger<SigningKeySource>();
            return new BotFrameworkAuthenticator(credentials, policy,
                new SigningKeySource(endpoints.BotFrameworkMetadata, http, endpoints.MetadataRefreshInterval, clock, logger),
                new SigningKeySource(endpoints.EntraMetadata, http, endpoints.MetadataRefreshInterval, clock, logger),
                provider.GetRequiredService<ILogger<BotFrameworkAuthenticator>>());
        });
        return services;
    }
}
