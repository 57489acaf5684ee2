using SecretBot.Knowledge.Model;

namespace SecretBot.Knowledge.Evaluation;

/// <summary>
/// Turns a complete set of answers into an <see cref="Answer"/>: the matching rule with the highest
/// priority decides the outcome, or the interview's default when none matches. Pure and
/// deterministic: the same answers always give the same answer.
/// </summary>
public sealed class Evaluator(KnowledgeBase knowledge)
{
    public Answer Evaluate(Jurisdiction jurisdiction, string topic, IReadOnlyDictionary<string, string> answers)
    {
        var interview = knowledge.Interview(jurisdiction, topic);
        var path = InterviewPath.Walk(interview, answers);
        if (!path.IsComplete)
        {
            throw new ArgumentException($"Question '{path.Next!.Id}' of {jurisdiction}/{topic} is not answered yet.", nameof(answers));
        }

        var outcome = interview.FindOutcome(Decide(interview, path.Answers));
        var sources = knowledge[jurisdiction];
        return new Answer(
            jurisdiction,
            topic,
            interview.Title,
            outcome.Id,
            outcome.Verdict,
            outcome.Title,
            outcome.KeyPoints,
            outcome.Conditions.Select(c => new ConditionCheck(c.Id, c.Text, c.MetWhen.IsMetBy(path.Answers))).ToList(),
            path.Asked.Select(q => new GivenAnswer(q, q.Choices.First(c => c.Id == path.Answers[q.Id]))).ToList(),
            outcome.ReferenceIds.Select(id => CitedReference.Of(sources.References[id], sources)).ToList(),
            outcome.ResourceIds.Select(id => sources.Resources[id]).ToList(),
            knowledge.Version)
        {
            Emergency = outcome.LeadsWithEmergency ? interview.EmergencyIds.Select(id => sources.Resources[id]).ToList() : [],
        };
    }

    /// <summary>The winning rule's outcome (highest priority, then first written), or the default.</summary>
    public static string Decide(Interview interview, IReadOnlyDictionary<string, string> answers) =>
        interview.Rules
            .Where(rule => rule.When.IsMetBy(answers))
            .OrderByDescending(rule => rule.Priority)
            .ThenBy(rule => rule.Line)
            .Select(rule => rule.OutcomeId)
            .FirstOrDefault() ?? interview.DefaultOutcomeId;
}
