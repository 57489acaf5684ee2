using Microsoft.Extensions.Configuration;
using StackExchange.Redis;
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

        services.AddSingleton<IReadinessCheck, StateStoreReadiness>();
        return services;
    }

    private sealed class StateStoreReadiness(IStateStore store) : IReadinessCheck
    {
        public string Name => "state";

        public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
        {
            if (store is RedisStateStore redis)
            {
                return redis.IsConnected && await ProbeAsync(cancellationToken);
            }

            return true;
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
