using SecretBot.Dialogs.State;

namespace SecretBot.Bot.Hosting;

public static class StateStores
{
    /// <summary>The store <c>State:Provider</c> names: memory by default, Redis to share state between instances (<see cref="StateConfiguration"/> checked the connection string).</summary>
    public static IStateStore Create(StateOptions options) => options.Provider switch
    {
        StateProvider.Redis => RedisStateStore.Connect(options.Redis!),
        _ => new MemoryStateStore(),
    };
}
