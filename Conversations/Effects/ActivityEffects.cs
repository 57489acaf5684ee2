using System.Text.Json;
using System.Text.Json.Nodes;
using SecretBot.Cards.Catalog;
using SecretBot.Cards.Model;
using SecretBot.Knowledge.Model;
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
    ReferentThrottle throttle, ReferentRequests requests) : ITurnEffects
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
            case TakeReferentRequest take:
                await TakeAsync(take, cancellationToken);
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

        // Kept before it is posted, so that a référent quick to click finds it: ids to reach the requester, and their language.
        if (Protocol.Schema.ConversationReference.ToSenderOf(turn.Activity, input.Kind == ConversationKind.Personal) is { } requester)
        {
            await requests.OpenAsync(request.RequestId, new OpenRequest(requester, input.Language), cancellationToken);
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

    /// <summary>
    /// The first référent to click takes the request: the requester is told in their personal chat,
    /// and the post is redrawn for everyone with who took it. A click on a post another référent
    /// already took only redraws the clicker's copy; an expired request is redrawn as such for everyone.
    /// </summary>
    private async Task TakeAsync(TakeReferentRequest take, CancellationToken cancellationToken)
    {
        var (outcome, request) = await requests.TakeAsync(take.RequestId, cancellationToken);
        var status = outcome switch
        {
            TakeOutcome.Taken => await TellRequesterAsync(request!, take, cancellationToken) ? ReferentPostStatus.Taken : ReferentPostStatus.TakenRequesterNotTold,
            TakeOutcome.AlreadyTaken => ReferentPostStatus.AlreadyTaken,
            _ => ReferentPostStatus.Expired,
        };
        var post = take.Posts[status];
        if (turn.Activity.ReplyToId is not { } postId)
        {
            await turn.SendAsync(ToActivity(post), cancellationToken);
        }
        else if (status == ReferentPostStatus.AlreadyTaken && turn.Activity.IsType(ActivityTypes.Invoke))
        {
            // Everyone else already sees who took it: only this copy is out of date.
            ClickedCardReplacement = post.Card;
        }
        else
        {
            await UpdateAsync(new UpdateMessage(postId, post), cancellationToken);
        }
    }

    /// <summary>A proactive message in the requester's personal chat; false when Teams refused it (e.g. the app is not installed there).</summary>
    private async Task<bool> TellRequesterAsync(OpenRequest request, TakeReferentRequest take, CancellationToken cancellationToken)
    {
        var notice = take.Notices[request.Language];
        var message = new Activity { Type = ActivityTypes.Message, Text = notice.Text, TextFormat = "plain", Locale = request.Language.Tag() };
        try
        {
            await turn.SendProactiveAsync(request.Requester, message, cancellationToken);
            return true;
        }
        catch (Protocol.Connector.ConnectorException)
        {
            return false;
        }
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
