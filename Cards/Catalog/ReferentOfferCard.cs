using SecretBot.Cards.Compose;
using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;
using static SecretBot.Cards.Compose.CardParts;

namespace SecretBot.Cards.Catalog;

/// <summary>
/// Before anything reaches the référents: what their channel will receive (never what was typed,
/// never the person helped), and the choice to send without a name or to be contacted — which
/// names the colleague, only when Teams gave their name.
/// </summary>
public static class ReferentOfferCard
{
    /// <param name="channelName">The référents' channel, as the organisation named it.</param>
    /// <param name="personName">The colleague's display name in Teams; without it, only the request without a name is offered.</param>
    public static AdaptiveCard Create(TextCatalog texts, string channelName, string? personName)
    {
        var what = texts.Format("referentOffer.what", channelName);
        return new AdaptiveCard(texts.Tag, what, $"{texts["referentOffer.title"]}. {what}",
        [
            Heading(texts["referentOffer.title"]),
            Paragraph(MarkdownText.Escape(what)),
            .. personName is null ? [] : new CardElement[] { Paragraph(MarkdownText.Escape(texts.Format("referentOffer.contact", personName))) },
            Note(texts["referentOffer.told"]),
            StackedButtons(
            [
                Button(texts["action.sendAnonymous"], CardVerbs.SendToReferents, (CardDataKeys.Contact, "no")),
                .. personName is null ? [] : new[] { Button(texts["action.sendContactMe"], CardVerbs.SendToReferents, (CardDataKeys.Contact, "yes")) },
            ]),
        ]);
    }
}
