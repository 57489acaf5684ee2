using System.Text.Json;
using System.Text.Json.Nodes;
using SecretBot.Bot.Protocol;
using SecretBot.Bot.Turns;
using SecretBot.Dialogs.Turns;

namespace SecretBot.Bot.Conversation;

/// <summary>
/// The dialogs' view of a turn, over the protocol: a message becomes a reply activity (with its card
/// as an Adaptive Card attachment); replacing the card that was just clicked becomes the invoke
/// response, any other replacement a connector update. A request to the référents is posted only
/// for someone the escalation serves, within the <see cref="Channels.ReferentThrottle"/>.
/// </summary>
public sealed class BotDialogTurn(BotTurn turn, DialogTurnInput input, Channels.EscalationOptions? escalation = null,
    Channels.ReferentThrottle? throttle = null) : IDialogTurn
{
    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";

    public DialogTurnInput Input { get; } = input;

    /// <summary>The clicked card's new form, to answer an <c>adaptiveCard/action</c> invoke with.</summary>
    public JsonObject? ClickedCardReplacement { get; private set; }

    public Task<string?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken) =>
        turn.SendAsync(ToActivity(message), cancellationToken);

    public async Task UpdateAsync(string messageId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (turn.Activity.IsType(ActivityTypes.Invoke) && messageId == turn.Activity.ReplyToId && message.Card is not null)
        {
            ClickedCardReplacement = message.Card;
            return;
        }

        await turn.UpdateAsync(messageId, ToActivity(message), cancellationToken);
    }

    public async Task PostToReferentsAsync(ReferentRequest request, CancellationToken cancellationToken)
    {
        if (escalation is null || throttle is null || !Input.CanAskReferents || !escalation.Serves(turn.Activity.TenantId())
            || !throttle.TryTake(Input.UserKey, Input.ConversationKey))
        {
            await SendAsync(request.Refused, cancellationToken);
            return;
        }

        var post = ToActivity(request.Post);
        post.ReplyToId = null;
        post.Recipient = null;
        post.Conversation = null;
        await turn.CreateConversationAsync(new Connector.ConversationParameters
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
        await SendAsync(request.Posted, cancellationToken);
    }

    private Activity ToActivity(OutgoingMessage message)
    {
        var reply = turn.CreateReply();
        reply.Text = message.Card is null ? message.Text : null;
        reply.Summary = message.Card is null ? null : message.Text;
        reply.TextFormat = "plain";
        if (message.Card is not null)
        {
            reply.Attachments =
            [
                new Attachment { ContentType = AdaptiveCardType, Content = message.Card },
            ];
        }

        return reply;
    }
}
