using Microsoft.Extensions.Configuration;
using StackExchange.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SecretBot.Bot.Health;
using SecretBot.Bot.Scaling;
using SecretBot.Dialogs.State;

namespace SecretBot.Bot.Hosting;

public static class StateServices
{
    /// <summary>
    /// The conversation and preference store chosen by <c>State:Provider</c>, and its readiness
    /// check: memory by default; Redis to share state between instances, and then the turn order
    /// and the re-send ledger too, all on one connection per process.
    /// </summary>
    public static IServiceCollection AddConversationState(this IServiceCollection services, IConfiguration configuration)
    {
        var options = StateConfiguration.From(configuration);
        services.AddSingleton(options);
        if (options.Provider == StateProvider.Redis)
        {
            // StateConfiguration checked the connection string.
            services.AddSingleton<IConnectionMultiplexer>(_ => RedisStateStore.OpenConnection(options.Redis!));
            services.AddSingleton<IStateStore>(provider => new RedisStateStore(provider.GetRequiredService<IConnectionMultiplexer>()));
            services.AddSharedTurns();
        }
        else
        {
            services.AddSingleton<IStateStore>(_ => new MemoryStateStore());
        }

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
