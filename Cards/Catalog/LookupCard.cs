using SecretBot.Cards.Compose;
using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;
using SecretBot.Knowledge.Model;
using static SecretBot.Cards.Compose.CardParts;

namespace SecretBot.Cards.Catalog;

/// <summary>
/// A quick look-up: a definition, a quick answer, or — for an urgent situation — the reflexes,
/// first thing, before any question; then the offer to go through the details. Shared into a chat
/// through the message extension, it carries no dialog button (nobody there talks to the bot):
/// a link opens the bot's personal chat instead.
/// </summary>
public static class LookupCard
{
    /// <summary>Key points shown before "voir les autres points": the card fits a phone's screen.</summary>
    private const int MaxKeyPoints = 4;

    public static AdaptiveCard Create(TextCatalog texts, Lookup lookup, JurisdictionKnowledge sources, KnowledgeVersion version) =>
        Build(texts, lookup, sources, version, shared: false, botChat: null);

    /// <summary>The card as the message extension drops it into a chat: no dialog button; <paramref name="botChat"/> (a deep link to the bot's personal chat) when known.</summary>
    public static AdaptiveCard Shared(TextCatalog texts, Lookup lookup, JurisdictionKnowledge sources, KnowledgeVersion version, Uri? botChat) =>
        Build(texts, lookup, sources, version, shared: true, botChat);

    private static AdaptiveCard Build(TextCatalog texts, Lookup lookup, JurisdictionKnowledge sources, KnowledgeVersion version, bool shared, Uri? botChat)
    {
        var language = texts.Language;
        var urgent = lookup.Kind == LookupKind.Urgent;
        var spoken = $"{lookup.Title.In(language)}. {lookup.Body.In(language)} {string.Join(" ", lookup.KeyPoints.Select(k => k.In(language)))}";
        var references = lookup.ReferenceIds
            .Select(id => AnswerCard.ToLegalReference(texts, Knowledge.Evaluation.CitedReference.Of(sources.References[id], sources))).ToList();
        var contacts = lookup.ResourceIds.Select(id => AnswerCard.ToContact(sources.Resources[id], language)).ToList();
        return new AdaptiveCard(texts.Tag, spoken, spoken,
        [
            .. urgent ? new CardElement[] { Note(texts["urgent.now"]) with { IsSubtle = false, Weight = TextWeight.Bolder } } : [],
            Heading(lookup.Title.In(language)),
            .. urgent
                ? new CardElement[] { Verdict(texts, new VerdictLine(VerdictKind.Warning, lookup.Body.In(language))) }
                : [Paragraph(lookup.Body.In(language))],
            .. lookup.KeyPoints.Count == 0 ? [] : new CardElement[] { KeyPoints(texts, lookup.KeyPoints.Take(MaxKeyPoints).Select(k => k.In(language)).ToList()) },
            .. lookup.KeyPoints.Count <= MaxKeyPoints
                ? []
                : Unfold(MorePoints(texts, lookup.KeyPoints.Count - MaxKeyPoints), "lookup-more",
                    [NumberedList(lookup.KeyPoints.Skip(MaxKeyPoints).Select(k => k.In(language)).ToList(), first: MaxKeyPoints + 1)]),
            .. contacts.Count == 0 ? [] : new CardElement[] { NotAlone(texts, contacts, brief: true) },
            .. references.Count == 0 ? [] : Unfold(texts.Format("references.unfold", references.Count), "lookup-references", [References(texts, references, titled: false)]),
            Footer(texts, version.Date, sources.Jurisdiction, canChangeJurisdiction: !shared),
            .. shared
                ? botChat is null ? [] : new CardElement[] { new ActionSet([new OpenUrlAction(texts["shared.askBot"], botChat)]) { Spacing = Spacing.Medium } }
                : [StackedButtons(
                [
                    .. lookup.FollowUpTopic is { } topic
                        ? [Button(texts[urgent ? "urgent.details" : "lookup.more"], CardVerbs.StartTopic, (CardDataKeys.Topic, topic))]
                        : Array.Empty<ExecuteAction>(),
                    Button(texts["action.otherQuestion"], CardVerbs.OtherQuestion),
                ])],
        ]);
    }
}
