using SecretBot.Cards.Compose;
using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;
using SecretBot.Knowledge.Evaluation;
using Verdict = SecretBot.Knowledge.Model.Verdict;
using Reference = SecretBot.Knowledge.Model.Reference;
using Resource = SecretBot.Knowledge.Model.Resource;
using static SecretBot.Cards.Compose.CardParts;

namespace SecretBot.Cards.Catalog;

/// <summary>
/// The answer (docs/conversation.md, "The answer card"): topic and law, the verdict, the key points,
/// the conditions checked against the person's answers, what they said, the legal basis, who to
/// talk to, the disclaimer and the knowledge version, then what to do next.
/// </summary>
public static class AnswerCard
{
    /// <param name="canAskReferent">Whether the organisation configured a référents' channel.</param>
    public static AdaptiveCard Create(TextCatalog texts, Answer answer, bool canAskReferent)
    {
        var language = texts.Language;
        // Outcome titles already open with the verdict words (« Oui, à conditions… »): the banner shows the title.
        var verdict = answer.Title.In(language);
        var spoken = $"{answer.InterviewTitle.In(language)}. {verdict}. {string.Join(" ", answer.KeyPoints.Select(k => k.In(language)))}";
        return new AdaptiveCard(texts.Tag, spoken, spoken,
        [
            .. answer.Emergency.Count == 0 ? [] : new CardElement[] { Emergency(texts, EmergencyNumbers(answer.Emergency, language)) },
            Heading(answer.InterviewTitle.In(language)),
            JurisdictionLine(texts, answer.Jurisdiction),
            Verdict(texts, new VerdictLine(KindOf(answer.Verdict), verdict)),
            KeyPoints(texts, answer.KeyPoints.Select(k => k.In(language)).ToList()),
            .. answer.Conditions.Count == 0
                ? []
                : new CardElement[] { Conditions(texts, answer.Conditions) },
            .. answer.Given.Count == 0
                ? []
                : new CardElement[] { Facts(texts, answer.Given.Select(g => new Fact(g.Question.Text.In(language), g.Choice.Label.In(language))).ToList()) },
            References(texts, answer.References.Select(r => ToLegalReference(texts, r)).ToList()),
            NotAlone(texts, answer.Resources.Select(r => ToContact(r, language)).ToList()),
            Footer(texts, answer.Version.Version, answer.Version.Date),
            StackedButtons(
            [
                Button(texts["action.editAnswers"], CardVerbs.EditAnswers, (CardDataKeys.Topic, answer.Topic)),
                Button(texts["action.otherQuestion"], CardVerbs.OtherQuestion),
                .. canAskReferent ? [Button(texts["action.askReferent"], CardVerbs.AskReferent, (CardDataKeys.Topic, answer.Topic))] : Array.Empty<ExecuteAction>(),
            ]),
            new ActionSet(
            [
                Button(texts["feedback.useful"], CardVerbs.Feedback, (CardDataKeys.Outcome, $"{answer.Topic}.{answer.OutcomeId}"), (CardDataKeys.Rating, "up")),
                Button(texts["feedback.notUseful"], CardVerbs.Feedback, (CardDataKeys.Outcome, $"{answer.Topic}.{answer.OutcomeId}"), (CardDataKeys.Rating, "down")),
            ]) { Spacing = Spacing.Small },
        ]);
    }

    /// <summary>Meaning, shown by colour and by words: a permission is good, a condition or a duty a warning, a refusal attention.</summary>
    public static VerdictKind KindOf(Verdict verdict) => verdict switch
    {
        SecretBot.Knowledge.Model.Verdict.Yes or SecretBot.Knowledge.Model.Verdict.May => VerdictKind.Good,
        SecretBot.Knowledge.Model.Verdict.YesIf or SecretBot.Knowledge.Model.Verdict.Must => VerdictKind.Warning,
        _ => VerdictKind.Attention,
    };

    /// <summary>
    /// A reference as the card shows it: "citation — title", checked or "à vérifier", what it replaces for
    /// earlier facts; the statute's words only when they were read at the source, else the summary.
    /// </summary>
    internal static LegalReference ToLegalReference(TextCatalog texts, CitedReference cited)
    {
        var language = texts.Language;
        var reference = cited.Reference;
        var status = reference.Verified is { } verified
            ? texts.Format("references.verified", Reference.LongDate(verified.On, language))
            : texts["references.toVerify"];
        foreach (var earlier in cited.Replaces)
        {
            status += " " + texts.Format("references.replaces", earlier.Citation(language), Reference.LongDate(reference.AppliesFrom, language));
        }

        return new LegalReference($"{reference.Citation(language)} — {reference.Title.In(language)}", reference.Url, status,
            reference.IsVerified ? reference.Text : null, reference.Summary.In(language), reference.Penalty?.In(language));
    }

    /// <summary>The numbers of resources that have one, as the emergency banner shows them.</summary>
    public static IReadOnlyList<EmergencyNumber> EmergencyNumbers(IEnumerable<Resource> resources, Language language) =>
        resources.Where(r => r.Phone is not null).Select(r => new EmergencyNumber(r.Phone!, r.Name.In(language))).ToList();

    internal static Contact ToContact(Resource resource, Language language) =>
        new(resource.Name.In(language),
            string.Join(" · ", new[] { resource.Description.In(language), resource.Phone }.Where(s => !string.IsNullOrEmpty(s))),
            resource.Url);
}
