namespace SecretBot.Testing;

/// <summary>
/// Tests that measure the whole process (its managed heap, say, or a process-wide meter such as the
/// vote counter) must not share it with other tests
/// running at the same time: xunit runs this collection by itself, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Alone
{
    public const string Name = "Alone in the process";
}
