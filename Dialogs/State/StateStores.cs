namespace SecretBot.Dialogs.State;

public static class StateStores
{
    /// <summary>The store <c>State:Provider</c> names: memory by default, Redis to share state between instances.</summary>
    public static IStateStore Create(StateOptions options) => options.Provider switch
    {
        StateProvider.Redis when string.IsNullOrWhiteSpace(options.Redis) =>
            throw new ArgumentException("State:Redis must hold a connection string when State:Provider is Redis."),
        StateProvider.Redis => RedisStateStore.Connect(options.Redis!),
        _ => new MemoryStateStore(),
    };
}
