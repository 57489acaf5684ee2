using SecretBot.Knowledge.Loading;
using SecretBot.Knowledge.Model;

namespace SecretBot.Knowledge.Validation;

/// <summary>
/// What people read never carries the editors' notes to one another: where a text came from, what
/// could not be checked, what is left out. Those belong in a reference's <c>editor_note</c>, shown
/// only in the book for jurists.
/// </summary>
public static class EditorialWords
{
    public static readonly IReadOnlyList<string> Forbidden =
    [
        "seed", "non reproduit", "pas reproduit", "n'a pas pu", "n’a pas pu", "pas pu être confirm", "selon nos informations",
        "not reproduced", "could not be", "couldn't be", "according to our information", "vérifié ici", "confirmé ici",
    ];

    public static void Check(JurisdictionKnowledge knowledge, Problems problems)
    {
        var folder = knowledge.Jurisdiction.ToString().ToLowerInvariant();
        foreach (var interview in knowledge.Interviews.Values)
        {
            foreach (var question in interview.Questions)
            {
                Check(interview.File, question.Line, $"question '{question.Id}'",
                    [question.Text, question.Short, question.Help, .. question.Choices.Select(c => c.Label)], problems);
            }

            foreach (var outcome in interview.Outcomes)
            {
                Check(interview.File, outcome.Line, $"outcome '{outcome.Id}'",
                    [outcome.Title, .. outcome.KeyPoints, .. outcome.Conditions.Select(c => c.Text)], problems);
            }
        }

        foreach (var reference in knowledge.References.Values)
        {
            Check($"{folder}/references.yaml", 1, $"reference '{reference.Id}'",
                [reference.Code, reference.Title, reference.Summary, .. reference.Penalty is { } p ? [p] : Array.Empty<LocalizedText>()], problems);
        }

        foreach (var resource in knowledge.Resources.Values)
        {
            Check($"{folder}/resources.yaml", 1, $"resource '{resource.Id}'", [resource.Name, resource.Description], problems);
        }

        foreach (var lookup in knowledge.Lookups)
        {
            Check($"{folder}/lookups.yaml", 1, $"lookup '{lookup.Id}'", [lookup.Title, lookup.Body, .. lookup.KeyPoints], problems);
        }
    }

    private static void Check(string file, int line, string what, IEnumerable<LocalizedText> texts, Problems problems)
    {
        foreach (var text in texts)
        {
            foreach (var words in Forbidden.Where(f => text.Fr.Contains(f, StringComparison.OrdinalIgnoreCase)
                                                        || text.En.Contains(f, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add(file, line, $"{what} tells the reader an editor's note (\"{words}\"): move it to an editor_note");
            }
        }
    }
}
