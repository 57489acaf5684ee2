using SecretBot.Knowledge.Model;

namespace SecretBot.Knowledge.Evaluation;

/// <summary>
/// What the knowledge says for a person's answers: the verdict and its key points, each condition
/// with whether the answers meet it, what they said, the legal basis, who to talk to, and the
/// version of the rule base that answered.
/// </summary>
public sealed record Answer(
    Jurisdiction Jurisdiction,
    string Topic,
    LocalizedText InterviewTitle,
    string OutcomeId,
    Verdict Verdict,
    LocalizedText Title,
    IReadOnlyList<LocalizedText> KeyPoints,
    IReadOnlyList<ConditionCheck> Conditions,
    IReadOnlyList<GivenAnswer> Given,
    IReadOnlyList<CitedReference> References,
    IReadOnlyList<Resource> Resources,
    KnowledgeVersion Version)
{
    /// <summary>The numbers to call, when this answer leads with them (grave and imminent danger).</summary>
    public IReadOnlyList<Resource> Emergency { get; init; } = [];

    public IEnumerable<ConditionCheck> ConditionsMet => Conditions.Where(c => c.Met);

    public IEnumerable<ConditionCheck> ConditionsMissing => Conditions.Where(c => !c.Met);
}

public sealed record ConditionCheck(string Id, LocalizedText Text, bool Met);

public sealed record GivenAnswer(Question Question, Choice Choice);

/// <summary>A reference in force, with those it replaced (cited for facts before it applied).</summary>
public sealed record CitedReference(Reference Reference, IReadOnlyList<Reference> Replaces)
{
    public static CitedReference Of(Reference reference, JurisdictionKnowledge sources) => new(reference, sources.Predecessors(reference));
}
