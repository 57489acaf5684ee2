using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SecretBot.Bot.Health;
using SecretBot.Dialogs.State;
using SecretBot.Protocol.Configuration;
using SecretBot.Conversations.Preferences;
using SecretBot.Conversations.Turns;

namespace SecretBot.Bot.Hosting;

public static class StateServices
{
    /// <summary>The conversation and preference store chosen by <c>State:Provider</c>, and its readiness check.</summary>
    public static IServiceCollection AddConversationState(this IServiceCollection services, IConfiguration configuration)
    {
        var options = StateConfiguration.From(configuration);
        services.AddSingleton(options);
        services.AddSingleton(_ => StateStores.Create(options));
        // Through the bot's own store and connection: ready means the turns' Redis answers, not a second client's.
        services.AddHealthChecks().AddCheck<StateStoreReadiness>("state", tags: [HealthEndpoints.Ready], timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    /// <summary>In memory: always. Redis: connected, and a read answers.</summary>
    private sealed class StateStoreReadiness(IStateStore store) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
        {
            if (store is RedisStateStore redis && !(redis.IsConnected && await ProbeAsync(cancellationToken)))
            {
                return HealthCheckResult.Unhealthy("Redis is unreachable");
            }

            return HealthCheckResult.Healthy();
        }

        private async Task<bool> ProbeAsync(CancellationToken cancellationToken)
        {
            try
            {
                await store.ReadAsync("readiness-probe", cancellationToken);
                return true;
            }
            catch (StateUnavailableException)
            {
                return false;
            }
        }
    }
}
