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
    /// <summary>What a phone shows before anything is unfolded, at most (the answer card stays under it).</summary>
    public const int VisibleBudget = 1000;

    /// <summary>Key points always shown, whatever their length.</summary>
    private const int MinKeyPoints = 3;

    /// <summary>Key points shown at most before "plus de points".</summary>
    private const int MaxKeyPoints = 4;

    /// <param name="canAskReferent">Whether the organisation configured a référents' channel.</param>
    /// <param name="voted">The person voted on this answer: the card thanks them instead of offering the vote again.</param>
    public static AdaptiveCard Create(TextCatalog texts, Answer answer, bool canAskReferent, bool voted = false)
    {
        var language = texts.Language;
        // Outcome titles already open with the verdict words (« Oui, à conditions… »): the banner shows the title.
        var verdict = answer.Title.In(language);
        var keyPoints = answer.KeyPoints.Select(k => k.In(language)).ToList();
        var spoken = $"{answer.InterviewTitle.In(language)}. {verdict}. {string.Join(" ", keyPoints)}";
        // Whom to call is said once: the numbers of the emergency banner are not repeated below.
        var contacts = answer.Resources.Where(r => !answer.Emergency.Contains(r)).Select(r => ToContact(r, language)).ToList();
        // A vote names the answer and the answers that led to it, so that the card can be drawn again with thanks in place of the buttons.
        (string, string)[] vote =
        [
            (CardDataKeys.Outcome, $"{answer.Topic}.{answer.OutcomeId}"),
            (CardDataKeys.Jurisdiction, answer.Jurisdiction.ToString()),
            (CardDataKeys.Answers, AnswerList.Write(answer.Given.Select(g => KeyValuePair.Create(g.Question.Id, g.Choice.Id)))),
        ];

        // Phone first: the verdict, three or four key points and whom to call fit one screen; the
        // conditions (counted on their toggle), what the person said and the legal basis unfold.
        IReadOnlyList<CardElement> Top(int shownPoints) =>
        [
            .. answer.Emergency.Count == 0 ? [] : new CardElement[] { Emergency(texts, EmergencyNumbers(answer.Emergency, language)) },
            Heading(answer.InterviewTitle.In(language)),
            Verdict(texts, new VerdictLine(KindOf(answer.Verdict), verdict)),
            KeyPoints(texts, keyPoints.Take(shownPoints).ToList()),
            .. contacts.Count == 0 ? [] : new CardElement[] { NotAlone(texts, contacts, brief: true) },
        ];
        IReadOnlyList<CardElement> Bottom() =>
        [
            Footer(texts, answer.Version.Date, answer.Jurisdiction),
            StackedButtons(
            [
                Button(texts["action.editAnswers"], CardVerbs.EditAnswers, (CardDataKeys.Topic, answer.Topic)),
                Button(texts["action.otherQuestion"], CardVerbs.OtherQuestion),
                .. canAskReferent ? [Button(texts["action.askReferent"], CardVerbs.AskReferent, (CardDataKeys.Topic, answer.Topic))] : Array.Empty<ExecuteAction>(),
            ]),
            voted
                ? Note(texts["feedback.thanks"]) with { Spacing = Spacing.Small }
                : new ActionSet(
                [
                    Button(texts["feedback.useful"], CardVerbs.Feedback, [.. vote, (CardDataKeys.Rating, "up")]),
                    Button(texts["feedback.notUseful"], CardVerbs.Feedback, [.. vote, (CardDataKeys.Rating, "down")]),
                ]) { Spacing = Spacing.Small },
        ];

        IReadOnlyList<CardElement> Body(int shown)
        {
            var more = keyPoints.Skip(shown).ToList();
            return
            [
                .. Top(shown),
                .. more.Count == 0 ? [] : Unfold(MorePoints(texts, more.Count), "answer-more", [NumberedList(more, first: shown + 1)]),
                .. answer.Conditions.Count == 0
                    ? []
                    : Unfold(texts.Format("conditions.unfold", answer.Conditions.Count(c => c.Met), answer.Conditions.Count), "answer-conditions",
                        [Conditions(texts, answer.Conditions, titled: false)]),
                .. answer.Given.Count == 0
                    ? []
                    : Unfold(texts["facts.title"], "answer-facts",
                        [Facts(texts, answer.Given.Select(g => new Fact(g.Question.Short.In(language), g.Choice.Label.In(language))).ToList(), titled: false)]),
                .. Unfold(texts.Format("references.unfold", answer.References.Count), "answer-references",
                    [References(texts, answer.References.Select(r => ToLegalReference(texts, r)).ToList(), titled: false)]),
                .. Bottom(),
            ];
        }

        // As many key points as fit, the whole card measured as it shows (toggles included), never fewer than three.
        var shown = Math.Min(MaxKeyPoints, keyPoints.Count);
        var body = Body(shown);
        while (shown > MinKeyPoints && VisibleText.Length(body) > VisibleBudget)
        {
            body = Body(--shown);
        }

        return new AdaptiveCard(texts.Tag, spoken, spoken, body);
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
            resource.Url, resource.Phone);
}
