using System.Text.Json;
using System.Text.Json.Nodes;
using SecretBot.Bot.Protocol;
using SecretBot.Bot.Texts;
using SecretBot.Bot.Turns;
using SecretBot.Cards.Catalog;
using SecretBot.Cards.Compose;
using SecretBot.Dialogs.Conversations;
using SecretBot.Dialogs.Runtime;
using SecretBot.Dialogs.State;
using SecretBot.Dialogs.Turns;
using SecretBot.Knowledge.Model;

namespace SecretBot.Bot.Conversation;

/// <summary>
/// Hands messages and card clicks to the dialogs: builds what they see of the turn (text without the
/// bot's mention, the click's data, language, jurisdiction, conversation and person), runs the
/// turn loop, answers a card click's invoke with the card's answered form, and welcomes a
/// conversation when the bot is added.
/// </summary>
public sealed class DialogActivityHandler(
    DialogTurnRunner runner,
    PreferencesStore preferences,
    HostTexts texts,
    WelcomeOnce welcome,
    KnowledgeBase knowledge,
    Channels.SearchExtension searchExtension,
    Channels.EscalationOptions escalation,
    Channels.ReferentThrottle referentThrottle,
    Channels.IdentifyingDetails identifyingDetails,
    DialogSettings settings) : IActivityHandler
{
    public const string CardActionInvoke = "adaptiveCard/action";

    public async Task<InvokeResponse?> OnTurnAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (WelcomeOnce.IsBotAdded(activity))
        {
            if (welcome.IsFirst(turn.ConversationId))
            {
                try
                {
                    await WelcomeAsync(turn, cancellationToken);
                }
                catch
                {
                    // Teams announces an install twice, and again when the app is re-added: the next one greets.
                    welcome.Release(turn.ConversationId);
                    throw;
                }
            }

            return null;
        }

        if (activity.IsType(ActivityTypes.Message))
        {
            await RunAsync(turn, MentionText.Of(activity), DialogInputs.CardData(activity), cancellationToken);
            return null;
        }

        if (activity.IsType(ActivityTypes.Invoke) && string.Equals(activity.Name, Channels.SearchExtension.QueryInvoke, StringComparison.OrdinalIgnoreCase))
        {
            var (language, jurisdiction) = await PreferencesAsync(activity, cancellationToken);
            return searchExtension.Answer(activity, language, ShownJurisdiction(jurisdiction, activity));
        }

        if (activity.IsType(ActivityTypes.Invoke) && string.Equals(activity.Name, CardActionInvoke, StringComparison.OrdinalIgnoreCase))
        {
            var dialogTurn = await RunAsync(turn, null, DialogInputs.CardData(activity), cancellationToken);
            return CardActionResponse(dialogTurn.ClickedCardReplacement);
        }

        return null;
    }

    public async Task OnTurnErrorAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        var reply = turn.CreateReply();
        reply.Text = texts.Get("apology", LanguageChoice.For(turn.Activity, settings.Language));
        await turn.SendAsync(reply, cancellationToken);
    }

    private async Task<BotDialogTurn> RunAsync(BotTurn turn, string? text, JsonElement? cardValue, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var (language, jurisdiction) = await PreferencesAsync(activity, cancellationToken);
        var input = new DialogTurnInput(text, cardValue, language, turn.ConversationId, activity.From?.Id ?? turn.ConversationId,
            DialogInputs.KindOf(activity), activity.ReplyToId)
        {
            Jurisdiction = jurisdiction,
            SuggestedJurisdiction = DialogInputs.SuggestedJurisdiction(activity.Locale),
            CanAskReferents = escalation.Serves(activity.TenantId()),
        };
        var dialogTurn = new BotDialogTurn(turn, input, escalation, referentThrottle);
        if (input.Kind != ConversationKind.Personal && identifyingDetails.AreIn(text))
        {
            // Everyone in the channel reads the thread: a discreet word first, never repeating the detail.
            var reminder = ChannelPrivacyReminderCard.Create(CardPromptPresenter.Texts(language));
            await dialogTurn.SendAsync(new OutgoingMessage(reminder.FallbackText, reminder.ToJsonObject()), cancellationToken);
        }

        await runner.RunAsync(dialogTurn, cancellationToken);
        return dialogTurn;
    }

    private async Task WelcomeAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        var (language, jurisdiction) = await PreferencesAsync(turn.Activity, cancellationToken);
        var shown = ShownJurisdiction(jurisdiction, turn.Activity);
        var cardTexts = CardPromptPresenter.Texts(language);
        var topics = Topics.All.Select(t => new TopicChoice(t, knowledge.Interview(shown, t).Title.In(language))).ToList();
        var scope = DialogInputs.KindOf(turn.Activity) == ConversationKind.Personal ? WelcomeScope.Personal : WelcomeScope.Team;
        var card = WelcomeCard.Create(cardTexts, new WelcomeCardInput(scope, topics,
            Enum.TryParse<Jurisdiction>(jurisdiction, out var known) ? known : null));
        await new BotDialogTurn(turn, new DialogTurnInput(null, null, language, turn.ConversationId, turn.ConversationId, ConversationKind.Personal))
            .SendAsync(new OutgoingMessage(card.FallbackText, card.ToJsonObject()), cancellationToken);
    }

    /// <summary>Language: configuration, then the person's choice, then the locale. Jurisdiction: see <see cref="DialogInputs.Jurisdiction"/>.</summary>
    private async Task<(string Language, string? Jurisdiction)> PreferencesAsync(Activity activity, CancellationToken cancellationToken)
    {
        var stored = UserPreferences.None;
        if (activity.From?.Id is { } user)
        {
            try
            {
                stored = await preferences.GetAsync(user, cancellationToken);
            }
            catch (StateUnavailableException)
            {
                // Without the store, configuration and locale still decide; the turn will report the outage.
            }
        }

        var language = settings.Language is "fr" or "en" ? settings.Language : stored.Language ?? LanguageChoice.For(activity, null);
        return (language, DialogInputs.Jurisdiction(stored.Jurisdiction, settings.DefaultJurisdiction));
    }

    /// <summary>The law to show before the person has chosen (look-ups, welcome topics): their choice, else the locale's suggestion, else Belgium.</summary>
    private static Jurisdiction ShownJurisdiction(string? jurisdiction, Activity activity) =>
        Enum.TryParse<Jurisdiction>(jurisdiction ?? DialogInputs.SuggestedJurisdiction(activity.Locale), out var shown) ? shown : Jurisdiction.BE;

    private static InvokeResponse CardActionResponse(JsonObject? card) => new(200, card is null
        ? new JsonObject { ["statusCode"] = 200, ["type"] = "application/vnd.microsoft.activity.message", ["value"] = "" }
        : new JsonObject { ["statusCode"] = 200, ["type"] = BotDialogTurn.AdaptiveCardType, ["value"] = card });
}

/// <summary>The <c>Bot</c> settings the conversations use.</summary>
public sealed record DialogSettings(string? Language, string? DefaultJurisdiction);
