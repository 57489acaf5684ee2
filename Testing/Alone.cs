namespace SecretBot.Testing;

/// <summary>
/// Tests that measure the whole process (its managed heap, say) must not share it with other tests
/// running at the same time: xunit runs this collection by itself, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Alone
{
    public const string Name = "Alone in the process";
}
