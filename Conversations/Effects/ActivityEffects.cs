using System.Text.Json;
using System.Text.Json.Nodes;
using SecretBot.Cards.Model;
using SecretBot.Conversations.Escalation;
using SecretBot.Conversations.Preferences;
using SecretBot.Conversations.Turns;
using SecretBot.Dialogs.Turns;
using SecretBot.Protocol.Schema;
using SecretBot.Protocol.Turns;

namespace SecretBot.Conversations.Effects;

/// <summary>
/// Applies a saved turn's effects over the protocol. A message becomes a reply activity (its card
/// an Adaptive Card attachment); replacing the card that was just clicked becomes the invoke
/// response (and, where several people see it, a connector update too), any other replacement a
/// connector update. A preference is written, a vote counted.
/// A request to the référents is posted only for someone the escalation serves, within the
/// <see cref="ReferentThrottle"/>; otherwise the person is told it was refused.
/// </summary>
public sealed class ActivityEffects(ActivityTurn turn, ConversationInput input, PreferencesStore preferences, EscalationOptions escalation,
    ReferentThrottle throttle) : ITurnEffects
{
    /// <summary>The clicked card's new form, to answer an <c>adaptiveCard/action</c> invoke with.</summary>
    public JsonObject? ClickedCardReplacement { get; private set; }

    public async Task<string?> ApplyAsync(TurnEffect effect, CancellationToken cancellationToken)
    {
        switch (effect)
        {
            case SendMessage send:
                return await turn.SendAsync(ToActivity(send.Message), cancellationToken);
            case UpdateMessage update:
                await UpdateAsync(update, cancellationToken);
                return null;
            case SetPreference preference:
                var current = await preferences.GetAsync(input.UserKey, cancellationToken);
                await preferences.SetAsync(input.UserKey, new UserPreferences(
                    preference.Jurisdiction ?? current.Jurisdiction, preference.Language ?? current.Language), cancellationToken);
                return null;
            case CountVote vote:
                AnswerFeedback.Record(vote.Outcome, vote.Rating);
                return null;
            case ReferentRequest request:
                await PostToReferentsAsync(request, cancellationToken);
                return null;
            default:
                throw new ArgumentException($"No way to apply {effect.GetType().Name}.", nameof(effect));
        }
    }

    private async Task UpdateAsync(UpdateMessage update, CancellationToken cancellationToken)
    {
        if (turn.Activity.IsType(ActivityTypes.Invoke) && update.MessageId == turn.Activity.ReplyToId && update.Message.Card is not null)
        {
            // The invoke's answer redraws the card for the person who clicked; in a group chat or a
            // channel the others see it replaced only when the message itself is updated.
            ClickedCardReplacement = update.Message.Card;
            if (input.Kind == ConversationKind.Personal)
            {
                return;
            }
        }

        await turn.UpdateAsync(update.MessageId, ToActivity(update.Message), cancellationToken);
    }

    private async Task PostToReferentsAsync(ReferentRequest request, CancellationToken cancellationToken)
    {
        if (!input.CanAskReferents || !escalation.Serves(turn.Activity.TenantId())
            || !throttle.TryTake(input.UserKey, turn.ConversationId))
        {
            await turn.SendAsync(ToActivity(request.Refused), cancellationToken);
            return;
        }

        var post = ToActivity(request.Post);
        post.ReplyToId = null;
        post.Recipient = null;
        post.Conversation = null;
        await turn.CreateConversationAsync(new Protocol.Connector.ConversationParameters
        {
            IsGroup = true,
            Bot = turn.Activity.Recipient,
            TenantId = escalation.TenantId,
            Activity = post,
            ChannelData = JsonSerializer.SerializeToElement(new JsonObject
            {
                ["channel"] = new JsonObject { ["id"] = escalation.ChannelId },
                ["tenant"] = new JsonObject { ["id"] = escalation.TenantId },
            }),
        }, cancellationToken);
        await turn.SendAsync(ToActivity(request.Posted), cancellationToken);
    }

    private Activity ToActivity(OutgoingMessage message) => Reply(turn, message);

    /// <summary>A reply in the turn's conversation: plain text, or a card with the text as its summary.</summary>
    public static Activity Reply(ActivityTurn turn, OutgoingMessage message)
    {
        var reply = turn.CreateReply();
        reply.Text = message.Card is null ? message.Text : null;
        reply.Summary = message.Card is null ? null : message.Text;
        reply.TextFormat = "plain";
        if (message.Card is not null)
        {
            reply.Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = message.Card }];
        }

        return reply;
    }
}
