using Microsoft.Extensions.Configuration;
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
