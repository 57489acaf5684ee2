namespace SecretBot.Knowledge.Loading;

/// <summary>What is wrong with the data, each with the file and line a jurist must open.</summary>
public sealed class Problems
{
    private readonly List<Problem> _all = [];

    public IReadOnlyList<Problem> All => _all;

    public bool Any => _all.Count > 0;

    public void Add(string file, int line, string reason) => _all.Add(new Problem(file, line, reason));
}

public sealed record Problem(string File, int Line, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Reason}";
}

/// <summary>The knowledge data is invalid: start-up stops and lists every problem found.</summary>
public sealed class KnowledgeValidationException(IReadOnlyList<Problem> problems)
    : Exception("The knowledge data is invalid:\n" + string.Join('\n', problems))
{
    public IReadOnlyList<Problem> Problems { get; } = problems;
}
