using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;
using SecretBot.Protocol.Configuration;
using SecretBot.Protocol.Turns;

namespace SecretBot.Bot.Scaling;

public static class SharedTurnServices
{
    /// <summary>
    /// Several instances behave as one: the protocol's turn order and re-send ledger move to Redis,
    /// beside the state and on the same connection, under the same app prefix as the state's keys
    /// (<c>sb:{app id, or local}:</c>, as Conversations' <c>StateKeys</c>). The in-process
    /// <see cref="ConversationGate"/> stays the first level. See docs/architecture.md, "Several instances".
    /// </summary>
    public static IServiceCollection AddSharedTurns(this IServiceCollection services)
    {
        services.AddSingleton<RedisOutageNotice>();
        services.AddHostedService<RedisConnectionAtStart>();
        services.Replace(ServiceDescriptor.Singleton<ITurnOrder>(provider => new RedisTurnOrder(
            provider.GetRequiredService<IConnectionMultiplexer>(), provider.GetRequiredService<KeyedDigest>(), Prefix(provider),
            provider.GetRequiredService<BotOptions>(), provider.GetRequiredService<RedisOutageNotice>(),
            provider.GetRequiredService<ILogger<RedisTurnOrder>>())));
        services.Replace(ServiceDescriptor.Singleton<IActivityLedger>(provider => new RedisActivityLedger(
            provider.GetRequiredService<IConnectionMultiplexer>(), provider.GetRequiredService<KeyedDigest>(), Prefix(provider),
            provider.GetRequiredService<BotOptions>().DuplicateWindow, provider.GetRequiredService<RedisOutageNotice>())));
        return services;
    }

    /// <summary>
    /// Opens the Redis connection while the host starts rather than in the first turn, where a burst
    /// of first turns would wait on one thread's connect while holding the thread pool (seen: the
    /// first Redis calls of 100 people at once timing out).
    /// </summary>
    private sealed class RedisConnectionAtStart(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<IConnectionMultiplexer>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static string Prefix(IServiceProvider provider) => $"sb:{provider.GetRequiredService<BotCredentials>().AppId ?? "local"}:";
}
