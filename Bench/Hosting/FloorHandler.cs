using System.Text.Json.Nodes;
using SecretBot.Protocol.Schema;
using SecretBot.Protocol.Turns;
using SecretBot.Conversations.Turns;

namespace SecretBot.Bench.Hosting;

/// <summary>
/// The floor: every activity gets one small reply through the connector, and a click the same kind
/// of invoke answer the bot gives, with no dialogs, state or cards. What the bot measures above this
/// is its own work.
/// </summary>
public sealed class FloorHandler : ITurnHandler
{
    public const string ReplyText = "floor reply";

    public async Task<InvokeResponse?> OnTurnAsync(ActivityTurn turn, CancellationToken cancellationToken)
    {
        var reply = turn.CreateReply();
        reply.Text = ReplyText;
        await turn.SendAsync(reply, cancellationToken);
        return turn.Activity.IsType(ActivityTypes.Invoke)
            ? new InvokeResponse(200, new JsonObject
            {
                ["statusCode"] = 200,
                ["type"] = "application/vnd.microsoft.activity.message",
                ["value"] = "",
            })
            : null;
    }

    public Task OnTurnErrorAsync(ActivityTurn turn, CancellationToken cancellationToken) => Task.CompletedTask;
}
