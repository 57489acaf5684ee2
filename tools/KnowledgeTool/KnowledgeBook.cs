using System.Text;
using SecretBot.Knowledge.Model;

namespace SecretBot.KnowledgeTool;

/// <summary>
/// The whole rule base as one readable French document (<c>docs/knowledge.md</c>), so a jurist can
/// review every question, rule, answer and reference without opening YAML.
/// </summary>
public static class KnowledgeBook
{
    public static string Render(KnowledgeBase knowledge)
    {
        var book = new StringBuilder();
        book.AppendLine("# SecretBot — la base de connaissances");
        book.AppendLine();
        book.AppendLine($"Version {knowledge.Version.Version} du {knowledge.Version.Date:dd/MM/yyyy}. Document généré à partir de " +
                        "`Knowledge/data/` : ne le modifiez pas à la main, modifiez les fichiers YAML puis régénérez-le " +
                        "(`SECRETBOT_UPDATE_BOOK=1 ./test.sh`).");
        foreach (var (jurisdiction, sources) in knowledge.Jurisdictions.OrderBy(j => j.Key))
        {
            book.AppendLine();
            book.AppendLine($"## {(jurisdiction == Jurisdiction.BE ? "Belgique (Wallonie-Bruxelles)" : "France")}");
            foreach (var topic in Topics.All)
            {
                Interview(book, sources.Interviews[topic], sources);
            }

            Lookups(book, sources);
            References(book, sources, knowledge.Version.Date);
            ToVerify(book, sources);
            Resources(book, sources);
        }

        return book.ToString().Replace("\r\n", "\n");
    }

    private static void Interview(StringBuilder book, Interview interview, JurisdictionKnowledge sources)
    {
        book.AppendLine();
        book.AppendLine($"### {interview.Title.Fr}");
        book.AppendLine();
        book.AppendLine(interview.Summary.Fr);
        book.AppendLine();
        book.AppendLine("**Questions**");
        book.AppendLine();
        foreach (var (question, index) in interview.Questions.Select((q, i) => (q, i + 1)))
        {
            var when = question.AskWhen is { } condition ? $" *(posée si {Describe(condition, interview)})*" : "";
            book.AppendLine($"{index}. {question.Text.Fr}{when} — `{question.Id}`");
            foreach (var choice in question.Choices)
            {
                book.AppendLine($"   - {choice.Label.Fr} (`{choice.Id}`)");
            }
        }

        book.AppendLine();
        book.AppendLine("**Règles** (la règle de plus haute priorité qui s'applique l'emporte)");
        book.AppendLine();
        foreach (var rule in interview.Rules.OrderByDescending(r => r.Priority).ThenBy(r => r.Line))
        {
            book.AppendLine($"- Si {Describe(rule.When, interview)}, alors « {interview.FindOutcome(rule.OutcomeId).Title.Fr} » (priorité {rule.Priority}).");
        }

        book.AppendLine($"- Sinon : « {interview.FindOutcome(interview.DefaultOutcomeId).Title.Fr} ».");
        foreach (var outcome in interview.Outcomes)
        {
            Outcome(book, outcome, interview, sources);
        }
    }

    private static void Outcome(StringBuilder book, Outcome outcome, Interview interview, JurisdictionKnowledge sources)
    {
        book.AppendLine();
        book.AppendLine($"#### {outcome.Title.Fr} — *{VerdictWords(outcome.Verdict)}* (`{outcome.Id}`)");
        book.AppendLine();
        foreach (var (point, index) in outcome.KeyPoints.Select((p, i) => (p, i + 1)))
        {
            book.AppendLine($"{index}. {point.Fr}");
        }

        if (outcome.Conditions.Count > 0)
        {
            book.AppendLine();
            book.AppendLine("Conditions :");
            foreach (var condition in outcome.Conditions)
            {
                book.AppendLine($"- {condition.Text.Fr} — remplie si {Describe(condition.MetWhen, interview)}");
            }
        }

        book.AppendLine();
        book.AppendLine("Base légale : " + string.Join(" ; ", outcome.ReferenceIds.Select(id => sources.References[id].Citation(Language.Fr))) + ".");
        book.AppendLine("À qui en parler : " + string.Join(" ; ", outcome.ResourceIds.Select(id => sources.Resources[id].Name.Fr)) + ".");
    }

    private static void Lookups(StringBuilder book, JurisdictionKnowledge sources)
    {
        book.AppendLine();
        book.AppendLine("### Réponses rapides et définitions");
        foreach (var lookup in sources.Lookups)
        {
            book.AppendLine();
            var kind = lookup.Kind switch { LookupKind.Urgent => "réflexes urgents", LookupKind.Quick => "réponse rapide", _ => "définition" };
            book.AppendLine($"#### {lookup.Title.Fr} — *{kind}* (`{lookup.Id}`)");
            book.AppendLine();
            book.AppendLine(lookup.Body.Fr);
            foreach (var (point, index) in lookup.KeyPoints.Select((p, i) => (p, i + 1)))
            {
                book.AppendLine($"{index}. {point.Fr}");
            }
        }
    }

    private static void References(StringBuilder book, JurisdictionKnowledge sources, DateOnly today)
    {
        book.AppendLine();
        book.AppendLine("### Références");
        foreach (var reference in sources.References.Values.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            book.AppendLine();
            book.AppendLine($"#### {reference.Citation(Language.Fr)} — {reference.Title.Fr} (`{reference.Id}`)");
            book.AppendLine();
            book.AppendLine($"En résumé : {reference.Summary.Fr}");
            if (reference.Text is { } text)
            {
                book.AppendLine();
                book.AppendLine($"> {text}");
            }

            if (reference.Penalty is { } penalty)
            {
                book.AppendLine();
                book.AppendLine($"Peine : {penalty.Fr}");
            }

            book.AppendLine();
            var until = reference.AppliesUntil is { } last
                ? $" jusqu'au {last:dd/MM/yyyy}" + (reference.ReplacedBy is { } next ? $", remplacée par `{next}`" : "")
                : "";
            var current = reference.AppliesOn(today) ? "" : " · **ne s'applique plus aux faits actuels**";
            book.AppendLine($"Texte officiel : {reference.Url} · applicable depuis le {reference.AppliesFrom:dd/MM/yyyy}{until}{current} · " +
                            (reference.Verified is { } check
                                ? $"vérifié le {check.On:dd/MM/yyyy} sur {check.Source}{(check.Url is { } at ? $" ({at})" : "")}"
                                : "**à vérifier** : texte non lu à la source officielle"));
            if (reference.EditorNote is { } note)
            {
                book.AppendLine();
                book.AppendLine($"Note de la rédaction : {note}");
            }
        }
    }

    /// <summary>For jurists: what is still to be read at its source, with what the rédaction knows of it.</summary>
    private static void ToVerify(StringBuilder book, JurisdictionKnowledge sources)
    {
        var unverified = sources.References.Values.Where(r => !r.IsVerified).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        book.AppendLine();
        book.AppendLine($"### Références à vérifier ({unverified.Count})");
        book.AppendLine();
        if (unverified.Count == 0)
        {
            book.AppendLine("Toutes les références ont été lues à leur source officielle.");
            return;
        }

        book.AppendLine("Les cartes les citent avec la mention « à vérifier » et n'en montrent que le résumé.");
        book.AppendLine();
        foreach (var reference in unverified)
        {
            book.AppendLine($"- `{reference.Id}` — {reference.Citation(Language.Fr)} ({reference.Title.Fr})" +
                            (reference.EditorNote is { } note ? $" : {note}" : ""));
        }
    }

    private static void Resources(StringBuilder book, JurisdictionKnowledge sources)
    {
        book.AppendLine();
        book.AppendLine("### À qui en parler : les ressources");
        book.AppendLine();
        foreach (var resource in sources.Resources.Values.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            var contact = string.Join(" · ", new[] { resource.Phone, resource.Url?.ToString() }.Where(c => c is not null));
            book.AppendLine($"- **{resource.Name.Fr}** — {resource.Description.Fr}{(contact.Length > 0 ? $" ({contact})" : "")}");
        }
    }

    private static string Describe(Condition condition, Interview interview) =>
        condition.Terms.Count == 0
            ? "toujours"
            : string.Join(" et ", condition.Terms.Select(term =>
            {
                var question = interview.FindQuestion(term.QuestionId)!;
                var labels = term.ChoiceIds.Select(id => $"« {question.Choices.First(c => c.Id == id).Label.Fr} »");
                return $"« {question.Text.Fr} » {(term.Negated ? "n'est pas" : "est")} {string.Join(" ou ", labels)}";
            }));

    public static string VerdictWords(Verdict verdict) => verdict switch
    {
        Verdict.Yes => "Oui",
        Verdict.No => "Non",
        Verdict.YesIf => "Oui, à conditions",
        Verdict.Must => "Vous devez",
        Verdict.May => "Vous pouvez, sans y être obligé·e",
        _ => "Vous ne pouvez pas",
    };
}
