namespace SecretBot.Bench.Load;

/// <summary>What the simulated people do: which steps, how many of them at once, how fast, for how long.</summary>
/// <param name="Steps">One walk; each person walks it again and again.</param>
/// <param name="Users">Simulated people, each with one turn in flight at most.</param>
public sealed record LoadPlan(IReadOnlyList<WalkStep> Steps, int Users)
{
    /// <summary>Each walk in a new conversation, so that the finished ones go idle and can expire.</summary>
    public bool NewConversationEachWalk { get; init; }

    /// <summary>Stop after this many walks in all (0: until stopped).</summary>
    public long WalkLimit { get; init; }

    /// <summary>Turns per second for all people together (0: think time zero, as fast as the bot answers).</summary>
    public double TurnsPerSecond { get; init; }

    /// <summary>Keep every reply body, for tests that read the cards.</summary>
    public bool Capture { get; init; }
}

/// <summary>A reply the bot sent during a step (kept only when <see cref="LoadPlan.Capture"/> is set).</summary>
public sealed record CapturedReply(int User, string Step, bool IsUpdate, byte[] Body);
