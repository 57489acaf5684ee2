using System.Text.Json;
using System.Text.Json.Nodes;
using SecretBot.Bot.Protocol;
using SecretBot.Bot.Texts;
using SecretBot.Bot.Turns;
using SecretBot.Dialogs.Runtime;
using SecretBot.Dialogs.State;
using SecretBot.Dialogs.Turns;

namespace SecretBot.Bot.Conversation;

/// <summary>
/// Hands messages and card clicks to the dialogs: builds what they see of the turn (text without the
/// bot's mention, the click's data, the language, the conversation and person), runs the turn loop,
/// and answers a card click's invoke with the card's answered form.
/// </summary>
public sealed class DialogActivityHandler(
    DialogTurnRunner runner,
    PreferencesStore preferences,
    HostTexts texts,
    WelcomeOnce welcome,
    string? configuredLanguage) : IActivityHandler
{
    public const string CardActionInvoke = "adaptiveCard/action";

    public async Task<InvokeResponse?> OnTurnAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (WelcomeOnce.IsBotAdded(activity))
        {
            await welcome.SendAsync(turn, await LanguageAsync(activity, cancellationToken), cancellationToken);
            return null;
        }

        if (activity.IsType(ActivityTypes.Message))
        {
            await RunAsync(turn, MentionText.Of(activity), activity.Value, cancellationToken);
            return null;
        }

        if (activity.IsType(ActivityTypes.Invoke) && string.Equals(activity.Name, CardActionInvoke, StringComparison.OrdinalIgnoreCase))
        {
            var dialogTurn = await RunAsync(turn, null, ActionData(activity.Value), cancellationToken);
            return CardActionResponse(dialogTurn.ClickedCardReplacement);
        }

        return null;
    }

    public async Task OnTurnErrorAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        var reply = turn.CreateReply();
        reply.Text = texts.Get("apology", LanguageChoice.For(turn.Activity, configuredLanguage));
        await turn.SendAsync(reply, cancellationToken);
    }

    private async Task<BotDialogTurn> RunAsync(BotTurn turn, string? text, JsonElement? cardValue, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var input = new DialogTurnInput(text, cardValue is { ValueKind: JsonValueKind.Object } ? cardValue : null,
            await LanguageAsync(activity, cancellationToken), turn.ConversationId, activity.From?.Id ?? turn.ConversationId,
            KindOf(activity), activity.ReplyToId);
        var dialogTurn = new BotDialogTurn(turn, input);
        await runner.RunAsync(dialogTurn, cancellationToken);
        return dialogTurn;
    }

    /// <summary>Configuration first, then the person's own choice, then the locale their client sent.</summary>
    private async Task<string> LanguageAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (configuredLanguage is "fr" or "en" || activity.From?.Id is not { } user)
        {
            return LanguageChoice.For(activity, configuredLanguage);
        }

        try
        {
            return (await preferences.GetAsync(user, cancellationToken)).Language ?? LanguageChoice.For(activity, null);
        }
        catch (StateUnavailableException)
        {
            return LanguageChoice.For(activity, null);
        }
    }

    /// <summary>An Action.Execute invoke carries the button's data in <c>value.action.data</c>.</summary>
    private static JsonElement? ActionData(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } invoke
        && invoke.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object
        && action.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            ? data
            : null;

    private static InvokeResponse CardActionResponse(JsonObject? card) => new(200, card is null
        ? new JsonObject { ["statusCode"] = 200, ["type"] = "application/vnd.microsoft.activity.message", ["value"] = "" }
        : new JsonObject { ["statusCode"] = 200, ["type"] = BotDialogTurn.AdaptiveCardType, ["value"] = card });

    private static ConversationKind KindOf(Activity activity) => activity.Conversation?.ConversationType switch
    {
        "channel" => ConversationKind.Channel,
        "groupChat" => ConversationKind.GroupChat,
        _ => ConversationKind.Personal,
    };
}
