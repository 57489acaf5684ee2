namespace SecretBot.Knowledge.Model;

public sealed record Choice(string Id, LocalizedText Label, IReadOnlyList<string> SynonymsFr, IReadOnlyList<string> SynonymsEn)
{
    public IEnumerable<string> Synonyms(Language language) => language == Language.En ? SynonymsEn : SynonymsFr;
}

/// <summary>
/// A condition over answers: every listed question must hold (AND); a question holds when its
/// answer is among the listed choices (or, negated, is not among them). An unasked question holds
/// for nothing.
/// </summary>
public sealed record Condition(IReadOnlyList<ConditionTerm> Terms)
{
    public static Condition Always { get; } = new([]);

    public bool IsMetBy(IReadOnlyDictionary<string, string> answers) => Terms.All(term => term.IsMetBy(answers));
}

public sealed record ConditionTerm(string QuestionId, IReadOnlyList<string> ChoiceIds, bool Negated)
{
    public bool IsMetBy(IReadOnlyDictionary<string, string> answers) =>
        answers.TryGetValue(QuestionId, out var answer) && ChoiceIds.Contains(answer) != Negated;
}

/// <param name="Short">The question as a fact's label on the answer card ("Avec qui").</param>
public sealed record Question(string Id, LocalizedText Text, LocalizedText Short, LocalizedText Help, IReadOnlyList<Choice> Choices,
    Condition? AskWhen, int Line);

public sealed record Rule(Condition When, string OutcomeId, int Priority, int Line);

public sealed record OutcomeCondition(string Id, LocalizedText Text, Condition MetWhen);

public sealed record Outcome(
    string Id,
    Verdict Verdict,
    LocalizedText Title,
    IReadOnlyList<LocalizedText> KeyPoints,
    IReadOnlyList<OutcomeCondition> Conditions,
    IReadOnlyList<string> ReferenceIds,
    IReadOnlyList<string> ResourceIds,
    int Line)
{
    /// <summary>Whether the answer leads with the interview's emergency numbers (grave and imminent danger).</summary>
    public bool LeadsWithEmergency { get; init; }
}

/// <summary>One topic's guided interview for one jurisdiction: questions, rules, outcomes.</summary>
public sealed record Interview(
    Jurisdiction Jurisdiction,
    string Topic,
    LocalizedText Title,
    LocalizedText Summary,
    IReadOnlyList<string> KeywordsFr,
    IReadOnlyList<string> KeywordsEn,
    IReadOnlyList<Question> Questions,
    IReadOnlyList<Rule> Rules,
    string DefaultOutcomeId,
    IReadOnlyList<Outcome> Outcomes,
    string File)
{
    /// <summary>The resources (with a phone) to call in an emergency: the topic opens with them, and so do answers that lead with them.</summary>
    public IReadOnlyList<string> EmergencyIds { get; init; } = [];

    /// <summary>The topic on a button (the welcome's): short enough to be read whole on a phone.</summary>
    public required LocalizedText Button { get; init; }

    public Question? FindQuestion(string id) => Questions.FirstOrDefault(q => q.Id == id);

    public Outcome FindOutcome(string id) => Outcomes.First(o => o.Id == id);
}
