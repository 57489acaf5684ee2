using SecretBot.Cards.Compose;
using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;
using SecretBot.Knowledge.Evaluation;
using static SecretBot.Cards.Compose.CardParts;

namespace SecretBot.Cards.Catalog;

/// <summary>Where a request to the référents stands, as its card in their channel shows it.</summary>
public enum ReferentPostStatus
{
    Open,
    /// <summary>A référent took it and the requester was told.</summary>
    Taken,
    /// <summary>A référent took it; the requester could not be told.</summary>
    TakenRequesterNotTold,
    /// <summary>Another référent had taken it already (seen on a card not yet redrawn).</summary>
    AlreadyTaken,
    Expired,
}

/// <summary>A request to the référents: its id, the colleague's name when they asked to be contacted, its status and who took it.</summary>
public sealed record ReferentPost(string RequestId, string? Requester, ReferentPostStatus Status = ReferentPostStatus.Open, string? TakenBy = null);

/// <summary>
/// What the référents' channel receives when someone asks for their opinion: the topic, the law,
/// the choices made and the bot's verdict — the colleague's name only when they asked to be
/// contacted, never the person helped, never anything typed. Open, it offers « Je m’en occupe »;
/// taken, it says who took it and whether the colleague was told.
/// </summary>
public static class EscalationSummaryCard
{
    public static AdaptiveCard Create(TextCatalog texts, Answer answer, ReferentPost post)
    {
        var language = texts.Language;
        var verdict = answer.Title.In(language);
        var intro = post.Requester is { } requester ? texts.Format("escalation.introNamed", requester) : texts["escalation.intro"];
        var status = Status(texts, post);
        var spoken = string.Join(". ", new[] { texts["escalation.title"], answer.InterviewTitle.In(language), verdict, status }.Where(s => s is not null));
        return new AdaptiveCard(texts.Tag, spoken, spoken,
        [
            Heading(texts["escalation.title"]),
            Paragraph(MarkdownText.Escape(intro)),
            new FactSet(
            [
                new Fact(texts["escalation.topic"], answer.InterviewTitle.In(language)),
                new Fact(texts["escalation.jurisdiction"], texts.NameOf(answer.Jurisdiction)),
            ]) { Spacing = Spacing.Medium },
            Verdict(texts, new VerdictLine(AnswerCard.KindOf(answer.Verdict), verdict)),
            SectionTitle(texts["escalation.answers"]),
            new FactSet(answer.Given.Select(g => new Fact(g.Question.Short.In(language), g.Choice.Label.In(language))).ToList()),
            .. status is null
                ? new CardElement[] { StackedButtons([Button(texts["escalation.take"], CardVerbs.TakeReferentRequest, TakeData(answer, post, language))]) }
                : [Paragraph(MarkdownText.Escape(status)) with { Weight = TextWeight.Bolder, Spacing = Spacing.Medium }],
            Footer(texts, answer.Version.Date),
        ]);
    }

    private static string? Status(TextCatalog texts, ReferentPost post)
    {
        var takenBy = post.TakenBy ?? texts["referent.someone"];
        return post.Status switch
        {
            ReferentPostStatus.Taken => $"{texts.Format("escalation.takenBy", takenBy)} {texts["escalation.requesterTold"]}",
            ReferentPostStatus.TakenRequesterNotTold => $"{texts.Format("escalation.takenBy", takenBy)} {texts["escalation.requesterNotTold"]}",
            ReferentPostStatus.AlreadyTaken => texts["escalation.alreadyTaken"],
            ReferentPostStatus.Expired => texts["escalation.expired"],
            _ => null,
        };
    }

    /// <summary>What « Je m’en occupe » sends back: the request, and what redraws its card (ids, and the name already shown on it).</summary>
    private static IReadOnlyList<(string, string)> TakeData(Answer answer, ReferentPost post, Knowledge.Model.Language language) =>
    [
        (CardDataKeys.Request, post.RequestId),
        (CardDataKeys.Jurisdiction, answer.Jurisdiction.ToString()),
        (CardDataKeys.Topic, answer.Topic),
        (CardDataKeys.Answers, AnswerList.Write(answer.Given.Select(g => KeyValuePair.Create(g.Question.Id, g.Choice.Id)))),
        (CardDataKeys.Language, language.Tag()),
        .. post.Requester is { } requester ? [(CardDataKeys.Requester, requester)] : Array.Empty<(string, string)>(),
    ];
}
