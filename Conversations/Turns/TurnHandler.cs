using System.Text.Json;
using System.Text.Json.Nodes;
using SecretBot.Cards.Catalog;
using SecretBot.Cards.Compose;
using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;
using SecretBot.Conversations.Commands;
using SecretBot.Conversations.Effects;
using SecretBot.Conversations.Escalation;
using SecretBot.Conversations.Preferences;
using SecretBot.Conversations.Privacy;
using SecretBot.Conversations.Search;
using SecretBot.Conversations.Welcome;
using SecretBot.Dialogs.Runtime;
using SecretBot.Dialogs.State;
using SecretBot.Dialogs.Turns;
using SecretBot.Knowledge.Model;
using SecretBot.Protocol.Schema;
using SecretBot.Protocol.Turns;

namespace SecretBot.Conversations.Turns;

/// <summary>The <c>Bot</c> settings the conversations use: a language and a country imposed on everyone, when the organisation wants one.</summary>
public sealed record ConversationSettings(Language? Language, Jurisdiction? DefaultJurisdiction);

/// <summary>
/// SecretBot's side of the protocol seam: reads each activity once (the text without the bot's
/// mention, the click's data, the command it says, language, country, conversation and person),
/// runs the turn loop and applies its effects over the protocol, answers a card click's invoke with
/// the card's answered form, welcomes a conversation when the bot is added, and answers the message
/// extension's searches.
/// </summary>
public sealed class TurnHandler(
    DialogTurnRunner runner,
    StateKeys keys,
    PreferencesStore preferences,
    CommandReader commands,
    WelcomeOnce welcome,
    KnowledgeBase knowledge,
    SearchExtension searchExtension,
    EscalationOptions escalation,
    ReferentThrottle referentThrottle,
    ReferentRequests referentRequests,
    IdentifyingDetails identifyingDetails,
    ConversationSettings settings) : ITurnHandler
{
    public const string CardActionInvoke = "adaptiveCard/action";

    public async Task<InvokeResponse?> OnTurnAsync(ActivityTurn turn, CancellationToken cancellationToken)
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
            await RunAsync(turn, MentionText.Of(activity), cancellationToken);
            return null;
        }

        if (activity.IsType(ActivityTypes.Invoke) && string.Equals(activity.Name, SearchExtension.QueryInvoke, StringComparison.OrdinalIgnoreCase))
        {
            var input = await InputAsync(turn, null, cancellationToken);
            return searchExtension.Answer(activity, input.Language, input.ShownJurisdiction);
        }

        if (activity.IsType(ActivityTypes.Invoke) && string.Equals(activity.Name, CardActionInvoke, StringComparison.OrdinalIgnoreCase))
        {
            var effects = await RunAsync(turn, null, cancellationToken);
            return CardActionResponse(effects.ClickedCardReplacement);
        }

        return null;
    }

    /// <summary>Tells the person, on a card with a way forward, that something went wrong on the bot's side.</summary>
    public async Task OnTurnErrorAsync(ActivityTurn turn, CancellationToken cancellationToken)
    {
        var card = ApologyCard.Create(TextCatalog.For(LanguageChoice.For(turn.Activity, settings.Language)));
        await turn.SendAsync(ActivityEffects.Reply(turn, new OutgoingMessage(card.FallbackText, card.ToJsonObject())), cancellationToken);
    }

    private async Task<ActivityEffects> RunAsync(ActivityTurn turn, string? text, CancellationToken cancellationToken)
    {
        var input = await InputAsync(turn, text, cancellationToken);
        var effects = Effects(turn, input);
        if (input.Kind != ConversationKind.Personal && identifyingDetails.AreIn(text))
        {
            // Everyone in the channel reads the thread: a discreet word first, never repeating the detail.
            var reminder = ChannelPrivacyReminderCard.Create(TextCatalog.For(input.Language), input.Scope);
            await effects.ApplyAsync(new SendMessage(new OutgoingMessage(reminder.FallbackText, reminder.ToJsonObject())), cancellationToken);
        }

        await runner.RunAsync(input, keys.Conversation(turn.ConversationId), effects, cancellationToken);
        return effects;
    }

    private ActivityEffects Effects(ActivityTurn turn, ConversationInput input) =>
        new(turn, input, preferences, escalation, referentThrottle, referentRequests);

    /// <summary>The turn as SecretBot's dialogs see it, every choice about language and country made here, once.</summary>
    private async Task<ConversationInput> InputAsync(ActivityTurn turn, string? text, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var stored = await PreferencesAsync(activity, cancellationToken);
        var input = new ConversationInput(text, ActivityReading.CardData(activity), activity.ReplyToId, LanguageChoice.For(activity, settings.Language, stored.Language),
            activity.From?.Id ?? turn.ConversationId, ActivityReading.KindOf(activity))
        {
            Jurisdiction = ActivityReading.Jurisdiction(stored.Jurisdiction, settings.DefaultJurisdiction),
            SuggestedJurisdiction = ActivityReading.SuggestedJurisdiction(activity.Locale),
            CanAskReferents = escalation.Serves(activity.TenantId()),
            PersonName = string.IsNullOrWhiteSpace(activity.From?.Name) ? null : activity.From.Name.Trim(),
            InReferentsChannel = escalation.IsReferentsChannel(activity.Conversation?.Id, activity.TenantId()),
        };
        return input with
        {
            Event = commands.Read(input),
            // A click on a question card continues a conversation: with no state left, it has expired.
            ContinuesConversation = input.CardString(CardDataKeys.Question) is not null,
        };
    }

    private async Task WelcomeAsync(ActivityTurn turn, CancellationToken cancellationToken)
    {
        var input = await InputAsync(turn, null, cancellationToken);
        var topics = Topics.All.Select(t => new TopicChoice(t, knowledge.Interview(input.ShownJurisdiction, t).Button.In(input.Language))).ToList();
        var card = WelcomeCard.Create(TextCatalog.For(input.Language), new WelcomeCardInput(input.Scope, topics, input.Jurisdiction));
        await Effects(turn, input).ApplyAsync(new SendMessage(new OutgoingMessage(card.FallbackText, card.ToJsonObject())), cancellationToken);
    }

    /// <summary>The person's stored choices; without the store, configuration and locale still decide, and the turn reports the outage.</summary>
    private async Task<UserPreferences> PreferencesAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.From?.Id is not { } user)
        {
            return UserPreferences.None;
        }

        try
        {
            return await preferences.GetAsync(user, cancellationToken);
        }
        catch (StateUnavailableException)
        {
            return UserPreferences.None;
        }
    }

    private static InvokeResponse CardActionResponse(JsonObject? card) => new(200, card is null
        ? new JsonObject { ["statusCode"] = 200, ["type"] = "application/vnd.microsoft.activity.message", ["value"] = "" }
        : new JsonObject { ["statusCode"] = 200, ["type"] = AdaptiveCard.ContentType, ["value"] = card });
}
