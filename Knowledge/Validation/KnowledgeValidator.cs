using SecretBot.Knowledge.Loading;
using SecretBot.Knowledge.Model;
using Reference = SecretBot.Knowledge.Model.Reference;

namespace SecretBot.Knowledge.Validation;

/// <summary>
/// The checks that need the whole file or several files: ids that must exist, rules that can never
/// match, rules that overlap without an order, outcomes no answer reaches, urgent reflexes per
/// situation, references cited while they no longer apply, editors' notes in what people read.
/// </summary>
public static class KnowledgeValidator
{
    /// <param name="today">The rule base's date: what applies on that day is the law in force.</param>
    public static void Validate(IEnumerable<JurisdictionKnowledge> jurisdictions, DateOnly today, Problems problems)
    {
        foreach (var knowledge in jurisdictions)
        {
            var folder = knowledge.Jurisdiction.ToString().ToLowerInvariant();
            foreach (var interview in knowledge.Interviews.Values)
            {
                var before = problems.All.Count;
                CheckIds(interview, knowledge, problems);
                if (problems.All.Count == before)
                {
                    CheckRules(interview, problems);
                    CheckCurrency(interview.File, interview.Outcomes.Select(o => (o.Id, o.Line, o.ReferenceIds)), knowledge, today, problems);
                }
            }

            CheckLookups(knowledge, $"{folder}/lookups.yaml", problems);
            CheckCurrency($"{folder}/lookups.yaml", knowledge.Lookups.Select(l => (l.Id, 1, l.ReferenceIds)), knowledge, today, problems);
            CheckSuccessors(knowledge, $"{folder}/references.yaml", problems);
            EditorialWords.Check(knowledge, problems);
        }
    }

    /// <summary>An answer cites the law in force: a superseded reference appears only beside its successor.</summary>
    private static void CheckCurrency(string file, IEnumerable<(string Id, int Line, IReadOnlyList<string> References)> citers,
        JurisdictionKnowledge knowledge, DateOnly today, Problems problems)
    {
        foreach (var (id, line, references) in citers)
        {
            foreach (var reference in references.Select(r => knowledge.References.GetValueOrDefault(r)).OfType<Reference>()
                         .Where(r => !r.AppliesOn(today)))
            {
                var why = reference.AppliesFrom > today ? $"applies only from {reference.AppliesFrom:yyyy-MM-dd}"
                    : $"no longer applies since {reference.AppliesUntil!.Value.AddDays(1):yyyy-MM-dd}"
                      + (reference.ReplacedBy is { } successor ? $"; cite '{successor}', which names it for earlier facts" : "");
                problems.Add(file, line, $"'{id}' cites '{reference.Id}' as current, but it {why}");
            }
        }
    }

    private static void CheckSuccessors(JurisdictionKnowledge knowledge, string file, Problems problems)
    {
        foreach (var reference in knowledge.References.Values.Where(r => r.ReplacedBy is not null))
        {
            if (!knowledge.References.TryGetValue(reference.ReplacedBy!, out var successor))
            {
                problems.Add(file, 1, $"reference '{reference.Id}' is replaced by unknown reference '{reference.ReplacedBy}'");
            }
            else if (successor.AppliesFrom != reference.AppliesUntil!.Value.AddDays(1))
            {
                problems.Add(file, 1, $"reference '{reference.Id}' stops on {reference.AppliesUntil:yyyy-MM-dd} but its successor " +
                                      $"'{successor.Id}' starts on {successor.AppliesFrom:yyyy-MM-dd}");
            }
        }
    }

    private static void CheckIds(Interview interview, JurisdictionKnowledge knowledge, Problems problems)
    {
        var file = interview.File;
        var seen = new Dictionary<string, Question>(StringComparer.Ordinal);
        foreach (var question in interview.Questions)
        {
            if (!seen.TryAdd(question.Id, question))
            {
                problems.Add(file, question.Line, $"question id '{question.Id}' is used twice");
            }

            foreach (var duplicate in question.Choices.GroupBy(c => c.Id).Where(g => g.Count() > 1))
            {
                problems.Add(file, question.Line, $"choice id '{duplicate.Key}' is used twice in question '{question.Id}'");
            }

            if (question.AskWhen is { } askWhen)
            {
                // ask_when may only look back: a question cannot depend on one asked after it.
                CheckCondition(askWhen, seen.Values.Where(q => q != question).ToList(), file, question.Line, $"ask_when of '{question.Id}'", problems);
            }
        }

        var outcomes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var outcome in interview.Outcomes)
        {
            if (!outcomes.Add(outcome.Id))
            {
                problems.Add(file, outcome.Line, $"outcome id '{outcome.Id}' is used twice");
            }

            foreach (var condition in outcome.Conditions)
            {
                CheckCondition(condition.MetWhen, interview.Questions, file, outcome.Line, $"condition '{condition.Id}' of '{outcome.Id}'", problems);
            }

            foreach (var id in outcome.ReferenceIds.Where(id => !knowledge.References.ContainsKey(id)))
            {
                problems.Add(file, outcome.Line, $"outcome '{outcome.Id}' cites unknown reference '{id}'");
            }

            foreach (var id in outcome.ResourceIds.Where(id => !knowledge.Resources.ContainsKey(id)))
            {
                problems.Add(file, outcome.Line, $"outcome '{outcome.Id}' names unknown resource '{id}'");
            }
        }

        foreach (var rule in interview.Rules)
        {
            CheckCondition(rule.When, interview.Questions, file, rule.Line, "rule", problems);
            if (!outcomes.Contains(rule.OutcomeId))
            {
                problems.Add(file, rule.Line, $"rule leads to unknown outcome '{rule.OutcomeId}'");
            }
        }

        foreach (var id in interview.EmergencyIds)
        {
            if (!knowledge.Resources.TryGetValue(id, out var number) || number.Phone is null)
            {
                problems.Add(file, 1, $"emergency '{id}' must be a resource with a phone number");
            }
        }

        foreach (var outcome in interview.Outcomes.Where(o => o.LeadsWithEmergency && interview.EmergencyIds.Count == 0))
        {
            problems.Add(file, outcome.Line, $"outcome '{outcome.Id}' leads with the emergency numbers, but the interview names none ('emergency')");
        }

        if (!outcomes.Contains(interview.DefaultOutcomeId))
        {
            problems.Add(file, 1, $"default outcome '{interview.DefaultOutcomeId}' is not an outcome of this interview");
        }
    }

    private static void CheckCondition(Condition condition, IReadOnlyList<Question> questions, string file, int line, string what,
        Problems problems)
    {
        foreach (var term in condition.Terms)
        {
            var question = questions.FirstOrDefault(q => q.Id == term.QuestionId);
            if (question is null)
            {
                problems.Add(file, line, $"{what} names unknown question '{term.QuestionId}'");
                continue;
            }

            foreach (var choice in term.ChoiceIds.Where(c => question.Choices.All(q => q.Id != c)))
            {
                problems.Add(file, line, $"{what} names unknown choice '{choice}' of question '{term.QuestionId}'");
            }
        }
    }

    /// <summary>Enumerates every answer path: each rule must match one, ties need an order, each outcome must be reached.</summary>
    private static void CheckRules(Interview interview, Problems problems)
    {
        var file = interview.File;
        var paths = AnswerPaths.All(interview);
        var matched = new HashSet<Rule>();
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var overlaps = new HashSet<(int, int)>();
        foreach (var path in paths)
        {
            var matching = interview.Rules.Where(r => r.When.IsMetBy(path)).ToList();
            matched.UnionWith(matching);
            reached.Add(Evaluation.Evaluator.Decide(interview, path));
            var top = matching.Count == 0 ? 0 : matching.Max(r => r.Priority);
            var tied = matching.Where(r => r.Priority == top).ToList();
            for (var i = 1; i < tied.Count; i++)
            {
                if (tied[0].OutcomeId != tied[i].OutcomeId && overlaps.Add((tied[0].Line, tied[i].Line)))
                {
                    problems.Add(file, tied[i].Line,
                        $"rule overlaps the rule at line {tied[0].Line} (e.g. {Describe(path)}) with the same priority; give one a higher priority");
                }
            }
        }

        foreach (var rule in interview.Rules.Where(r => !matched.Contains(r)))
        {
            problems.Add(file, rule.Line, "no combination of answers can satisfy this rule");
        }

        foreach (var outcome in interview.Outcomes.Where(o => !reached.Contains(o.Id)))
        {
            problems.Add(file, outcome.Line, $"outcome '{outcome.Id}' is reached by no combination of answers");
        }
    }

    private static void CheckLookups(JurisdictionKnowledge knowledge, string file, Problems problems)
    {
        foreach (var lookup in knowledge.Lookups)
        {
            foreach (var id in lookup.ReferenceIds.Where(id => !knowledge.References.ContainsKey(id)))
            {
                problems.Add(file, 1, $"lookup '{lookup.Id}' cites unknown reference '{id}'");
            }

            foreach (var id in lookup.ResourceIds.Where(id => !knowledge.Resources.ContainsKey(id)))
            {
                problems.Add(file, 1, $"lookup '{lookup.Id}' names unknown resource '{id}'");
            }
        }

        foreach (var situation in Situations.All)
        {
            var count = knowledge.Lookups.Count(l => l.Kind == LookupKind.Urgent && l.Situation == situation);
            if (count != 1)
            {
                problems.Add(file, 1, $"there must be exactly one urgent lookup for '{situation}' (found {count})");
            }
        }
    }

    private static string Describe(IReadOnlyDictionary<string, string> path) =>
        string.Join(", ", path.Select(a => $"{a.Key}={a.Value}"));
}
