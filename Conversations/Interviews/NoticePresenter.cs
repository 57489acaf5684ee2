using SecretBot.Cards.Catalog;
using SecretBot.Cards.Texts;
using SecretBot.Conversations.Turns;
using SecretBot.Dialogs.Turns;
using SecretBot.Knowledge.Model;

namespace SecretBot.Conversations.Interviews;

/// <summary>The engine's notices in the person's language: a short sentence, or the service-trouble card when the store is down.</summary>
public sealed class NoticePresenter : INoticePresenter
{
    public OutgoingMessage Notice(EngineNotice notice, DialogTurnInput input)
    {
        var texts = TextCatalog.For(input is ConversationInput conversation ? conversation.Language : Language.Fr);
        if (notice == EngineNotice.StateUnavailable)
        {
            var card = ServiceTroubleCard.Create(texts);
            return new OutgoingMessage(card.FallbackText, card.ToJsonObject());
        }

        return OutgoingMessage.Plain(texts[Key(notice)]);
    }

    /// <summary>"notice.freshStart", "notice.busy"…</summary>
    public static string Key(EngineNotice notice) => "notice." + char.ToLowerInvariant(notice.ToString()[0]) + notice.ToString()[1..];
}
