using SecretBot.Knowledge.Loading;
using SecretBot.Knowledge.Model;
using SecretBot.Knowledge.Validation;

namespace SecretBot.KnowledgeTool;

/// <summary>
/// What <c>KnowledgeTool check</c> prints for a jurist: every problem with its file and line, or a
/// coverage table per jurisdiction and topic. Exit code 0 only when the data is valid.
/// </summary>
public static class KnowledgeCheck
{
    public static int Run(string? dataDirectory, string? casesDirectory, TextWriter output)
    {
        KnowledgeBase knowledge;
        try
        {
            knowledge = KnowledgeLoader.Load(dataDirectory);
        }
        catch (KnowledgeValidationException invalid)
        {
            output.WriteLine($"INVALID: {invalid.Problems.Count} problem(s)");
            foreach (var problem in invalid.Problems)
            {
                output.WriteLine($"  {problem}");
            }

            return 1;
        }

        var cases = CountCases(casesDirectory);
        output.WriteLine($"Knowledge {knowledge.Version.Version} ({knowledge.Version.Date:yyyy-MM-dd}): valid");
        output.WriteLine();
        output.WriteLine($"{"jurisdiction",-12} {"topic",-8} {"questions",9} {"choices",8} {"paths",6} {"rules",6} {"outcomes",9} {"references",11} {"cases",6}");
        foreach (var (jurisdiction, sources) in knowledge.Jurisdictions.OrderBy(j => j.Key))
        {
            foreach (var topic in Topics.All)
            {
                var interview = sources.Interviews[topic];
                var references = interview.Outcomes.SelectMany(o => o.ReferenceIds).Distinct().Count();
                output.WriteLine($"{jurisdiction,-12} {topic,-8} {interview.Questions.Count,9} {interview.Questions.Sum(q => q.Choices.Count),8} " +
                                 $"{AnswerPaths.All(interview).Count,6} {interview.Rules.Count,6} {interview.Outcomes.Count,9} {references,11} " +
                                 $"{cases.GetValueOrDefault((jurisdiction.ToString(), topic)),6}");
            }

            var lookups = sources.Lookups;
            var all = sources.References.Values.ToList();
            output.WriteLine($"{jurisdiction,-12} {"sources",-8} references={all.Count} " +
                             $"(verified {all.Count(r => r.IsVerified)}, to verify {all.Count(r => !r.IsVerified)}, " +
                             $"no longer applying {all.Count(r => !r.AppliesOn(knowledge.Version.Date))}) " +
                             $"resources={sources.Resources.Count} lookups={lookups.Count} (urgent {lookups.Count(l => l.Kind == LookupKind.Urgent)})");
        }

        var toVerify = knowledge.Jurisdictions.Values.SelectMany(j => j.References.Values).Where(r => !r.IsVerified).ToList();
        output.WriteLine();
        output.WriteLine($"References to verify: {toVerify.Count} (listed in docs/knowledge.md; their cards say « à vérifier »)");
        foreach (var reference in toVerify.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            output.WriteLine($"  {reference.Id,-28} {reference.Citation(Language.Fr)}");
        }

        output.WriteLine($"Superseded references cited as current: 0 (a rule base that cites one is invalid)");
        output.WriteLine($"Case tests: {cases.Values.Sum()}");
        return 0;
    }

    /// <summary>Counts case tests per jurisdiction and topic from their YAML (a plain scan: the tests check them).</summary>
    private static Dictionary<(string, string), int> CountCases(string? directory)
    {
        var counts = new Dictionary<(string, string), int>();
        if (directory is null || !Directory.Exists(directory))
        {
            return counts;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*.yaml"))
        {
            string? jurisdiction = null;
            foreach (var line in File.ReadLines(file).Select(l => l.Trim()))
            {
                if (line.StartsWith("jurisdiction:", StringComparison.Ordinal))
                {
                    jurisdiction = line["jurisdiction:".Length..].Trim();
                }
                else if (line.StartsWith("topic:", StringComparison.Ordinal) && jurisdiction is not null)
                {
                    var key = (jurisdiction, line["topic:".Length..].Trim());
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }

        return counts;
    }
}
