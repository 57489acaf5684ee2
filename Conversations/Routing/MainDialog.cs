using SecretBot.Cards.Catalog;
using SecretBot.Cards.Compose;
using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;
using SecretBot.Conversations.Effects;
using SecretBot.Conversations.Escalation;
using SecretBot.Conversations.Interviews;
using SecretBot.Conversations.Preferences;
using SecretBot.Conversations.Turns;
using SecretBot.Dialogs.Engine;
using SecretBot.Dialogs.Events;
using SecretBot.Dialogs.Turns;
using SecretBot.Knowledge.Evaluation;
using SecretBot.Knowledge.Model;
using SecretBot.Knowledge.Routing;

namespace SecretBot.Conversations.Routing;

/// <summary>
/// The conversation's root: it stays at the bottom of the stack, routes each typed message
/// (welcome, urgent reflexes, look-up, interview, or a choice of topics), settles the product's
/// commands through one table — whether typed ("langue"), clicked ("Changer de langue") or raised
/// while an interview runs — and keeps the last interview's answers ("modifier mes réponses",
/// "demander l’avis de la personne référente"). Preferences, votes and posts are effects, applied once
/// the turn is saved.
/// </summary>
public sealed class MainDialog : Dialog
{
    public const string Name = "main";
    private const string LastPrefix = "last.";
    private const string LastJurisdiction = LastPrefix + "j";
    private const string LastTopic = LastPrefix + "t";
    private const string PendingTopic = "pending.topic";

    private delegate Task<bool> Command(DialogContext context, DialogInstance main, CancellationToken cancellationToken);

    private readonly KnowledgeBase _knowledge;
    private readonly Router _router;
    private readonly Evaluator _evaluator;
    private readonly string? _referentChannel;
    private readonly Dictionary<string, Command> _commands;

    // A look-up card (the urgent reflexes among them) is the same for everyone in that language and country.
    private readonly CardMemo _lookupCards = new();

    /// <param name="referentChannel">The name of the référents' channel, when the organisation configured one.</param>
    public MainDialog(KnowledgeBase knowledge, Router router, Evaluator evaluator, string? referentChannel) : base(Name)
    {
        (_knowledge, _router, _evaluator, _referentChannel) = (knowledge, router, evaluator, referentChannel);
        // The one command table: a command is settled here whichever door it came through.
        _commands = new(StringComparer.Ordinal)
        {
            [DialogEvent.Help] = HelpAsync,
            [CardVerbs.AskLanguage] = AskLanguageAsync,
            [CardVerbs.AskJurisdiction] = AskJurisdictionAsync,
            [CardVerbs.StartTopic] = StartTopicAsync,
            [CardVerbs.EditAnswers] = EditAnswersAsync,
            [CardVerbs.SetJurisdiction] = SetJurisdictionAsync,
            [CardVerbs.SetLanguage] = SetLanguageAsync,
            [CardVerbs.Feedback] = FeedbackAsync,
            [CardVerbs.AskReferent] = AskReferentAsync,
        };
    }

    public override async Task<DialogTurnResult> BeginAsync(DialogContext context, DialogValues? options, CancellationToken cancellationToken)
    {
        var main = context.ActiveDialog!;
        if (context.Input.Event is not { } raised || !await OnEventAsync(context, main, raised, cancellationToken))
        {
            await RouteAsync(context, main, cancellationToken);
        }

        return DialogTurnResult.Waiting;
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext context, CancellationToken cancellationToken)
    {
        await RouteAsync(context, context.ActiveDialog!, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override Task<DialogTurnResult> ResumeAsync(DialogContext context, object? result, CancellationToken cancellationToken)
    {
        if (result is InterviewResult interview)
        {
            var values = context.ActiveDialog!.Values;
            foreach (var key in values.All.Select(v => v.Key).Where(k => k.StartsWith(LastPrefix, StringComparison.Ordinal)).ToList())
            {
                values.Remove(key);
            }

            values.SetId(LastJurisdiction, interview.Jurisdiction.ToString());
            values.SetId(LastTopic, interview.Topic);
            foreach (var (question, choice) in interview.Answers)
            {
                values.SetId(LastPrefix + InterviewDialog.AnswerPrefix + question, choice);
            }
        }

        return Task.FromResult(DialogTurnResult.Waiting);
    }

    /// <summary>Back and restart are the interview's, or the engine's; any other command is settled here, an unknown button with the welcome card.</summary>
    public override async Task<bool> OnEventAsync(DialogContext context, DialogInstance instance, DialogEvent dialogEvent,
        CancellationToken cancellationToken)
    {
        if (dialogEvent.Name is DialogEvent.Back or DialogEvent.Restart)
        {
            return false;
        }

        var main = context.State.Stack[0];
        if (_commands.TryGetValue(dialogEvent.Name, out var command) && await command(context, main, cancellationToken))
        {
            return true;
        }

        await context.CancelAboveAsync(main);
        await SendCardAsync(context, WelcomeCard.Create(Texts(context), new WelcomeCardInput(context.Conversation().Scope, TopicChoices(context),
            context.Conversation().Jurisdiction)), cancellationToken);
        return true;
    }

    private async Task RouteAsync(DialogContext context, DialogInstance main, CancellationToken cancellationToken)
    {
        var conversation = context.Conversation();
        var jurisdiction = conversation.ShownJurisdiction;
        var route = _router.Decide(jurisdiction, conversation.Text);
        var texts = Texts(context);
        switch (route.Kind)
        {
            case RouteKind.Welcome:
                await SendCardAsync(context, WelcomeCard.Create(texts, new WelcomeCardInput(conversation.Scope, TopicChoices(context),
                    conversation.Jurisdiction)), cancellationToken);
                break;
            case RouteKind.Urgent or RouteKind.Lookup:
                var sources = _knowledge[jurisdiction];
                var (fallback, card) = _lookupCards.Get(CardMemo.Key([conversation.Language, jurisdiction, route.Id]),
                    () => LookupCard.Create(texts, sources.Lookups.First(l => l.Id == route.Id), sources, _knowledge.Version));
                await context.SendAsync(new OutgoingMessage(fallback, card), cancellationToken);
                break;
            case RouteKind.Interview:
                await StartInterviewAsync(context, main, route.Id!, route.Prefill, cancellationToken, typed: true, dangerCue: route.DangerCue);
                break;
            default:
                await SendCardAsync(context, NotUnderstoodCard.Create(texts, TopicChoices(context).Where(t => route.Topics.Contains(t.Id)).ToList()),
                    cancellationToken);
                break;
        }
    }

    private async Task<bool> HelpAsync(DialogContext context, DialogInstance main, CancellationToken cancellationToken)
    {
        await SendCardAsync(context, HelpCard.Create(Texts(context), TopicChoices(context)), cancellationToken);
        return true;
    }

    private async Task<bool> AskLanguageAsync(DialogContext context, DialogInstance main, CancellationToken cancellationToken)
    {
        await SendCardAsync(context, LanguagePickerCard.Create(Texts(context)), cancellationToken);
        await context.RepromptDialogAsync(cancellationToken);
        return true;
    }

    private async Task<bool> AskJurisdictionAsync(DialogContext context, DialogInstance main, CancellationToken cancellationToken)
    {
        var conversation = context.Conversation();
        await SendCardAsync(context, JurisdictionPickerCard.Create(Texts(context), conversation.Jurisdiction, conversation.SuggestedJurisdiction),
            cancellationToken);
        await context.RepromptDialogAsync(cancellationToken);
        return true;
    }

    private async Task<bool> StartTopicAsync(DialogContext context, DialogInstance main, CancellationToken cancellationToken)
    {
        if (context.Input.CardString(CardDataKeys.Topic) is not { } topic || !Topics.All.Contains(topic))
        {
            return false;
        }

        await StartInterviewAsync(context, main, topic, new Dictionary<string, string>(), cancellationToken);
        return true;
    }

    /// <summary>"Modifier mes réponses": every answer kept but the last, which is asked again.</summary>
    private async Task<bool> EditAnswersAsync(DialogContext context, DialogInstance main, CancellationToken cancellationToken)
    {
        if (main.Values.GetId(LastTopic) is not { } topic)
        {
            return false;
        }

        await StartInterviewAsync(context, main, topic, LastAnswers(main).SkipLast(1).ToDictionary(StringComparer.Ordinal), cancellationToken);
        return true;
    }

    private async Task<bool> SetJurisdictionAsync(DialogContext context, DialogInstance main, CancellationToken cancellationToken)
    {
        if (context.Input.CardString(CardDataKeys.Jurisdiction) is not { } code || !Enum.TryParse<Jurisdiction>(code, ignoreCase: true, out var chosen)
            || !Enum.IsDefined(chosen))
        {
            return false;
        }

        await context.ApplyAsync(new SetPreference(Jurisdiction: chosen), cancellationToken);
        await context.SayAsync(Texts(context).Format("jurisdiction.shown", Texts(context).NameOf(chosen)), cancellationToken);
        // A topic waiting for the country, or the interview under way, goes on under the chosen law.
        var pending = main.Values.GetId(PendingTopic)
                      ?? context.State.Stack.Where(i => i.DialogId == InterviewDialog.Name).Select(InterviewDialog.TopicOf).FirstOrDefault();
        main.Values.Remove(PendingTopic);
        if (pending is not null)
        {
            await StartInterviewAsync(context, main, pending, new Dictionary<string, string>(), cancellationToken, chosen);
        }
        else
        {
            await context.RepromptDialogAsync(cancellationToken);
        }

        return true;
    }

    private async Task<bool> SetLanguageAsync(DialogContext context, DialogInstance main, CancellationToken cancellationToken)
    {
        if (Languages.Parse(context.Input.CardString(CardDataKeys.Language)) is not { } language)
        {
            return false;
        }

        await context.ApplyAsync(new SetPreference(Language: language), cancellationToken);
        await context.RepromptDialogAsync(cancellationToken);
        return true;
    }

    private async Task<bool> FeedbackAsync(DialogContext context, DialogInstance main, CancellationToken cancellationToken)
    {
        if (context.Input.CardString(CardDataKeys.Rating) is not ("up" or "down") || context.Input.CardString(CardDataKeys.Outcome) is not { } outcome
            || !IsOutcome(outcome))
        {
            return false;
        }

        await context.ApplyAsync(new CountVote(outcome, context.Input.CardString(CardDataKeys.Rating)!), cancellationToken);
        await context.SayAsync(Texts(context)["feedback.thanks"], cancellationToken);
        return true;
    }

    /// <summary>Posts the last answer's summary (topic, law, choices, verdict; never typed text) to the référents' channel.</summary>
    private async Task<bool> AskReferentAsync(DialogContext context, DialogInstance main, CancellationToken cancellationToken)
    {
        var texts = Texts(context);
        if (!context.Conversation().CanAskReferents || _referentChannel is null || main.Values.GetId(LastTopic) is not { } topic
            || !Enum.TryParse<Jurisdiction>(main.Values.GetId(LastJurisdiction), out var jurisdiction))
        {
            await context.SayAsync(texts["escalation.notConfigured"], cancellationToken);
            return true;
        }

        var summary = EscalationSummaryCard.Create(texts, _evaluator.Evaluate(jurisdiction, topic, LastAnswers(main).ToDictionary(StringComparer.Ordinal)));
        await context.ApplyAsync(new ReferentRequest(
            new OutgoingMessage(summary.FallbackText, summary.ToJsonObject()),
            OutgoingMessage.Plain(texts.Format("escalation.sent", _referentChannel)),
            OutgoingMessage.Plain(texts["escalation.throttled"])), cancellationToken);
        return true;
    }

    private bool IsOutcome(string outcome) =>
        outcome.Split('.') is [var topic, var id] && Topics.All.Contains(topic)
        && _knowledge.Jurisdictions.Values.Any(j => j.Interviews[topic].Outcomes.Any(o => o.Id == id));

    /// <param name="typed">The prefill comes from a typed message: the interview shows it before using it.</param>
    /// <param name="dangerCue">The typed message mentions a present danger while it asks another question.</param>
    private async Task StartInterviewAsync(DialogContext context, DialogInstance main, string topic, IReadOnlyDictionary<string, string> prefill,
        CancellationToken cancellationToken, Jurisdiction? chosen = null, bool typed = false, bool dangerCue = false)
    {
        await context.CancelAboveAsync(main);
        var conversation = context.Conversation();
        if ((chosen ?? conversation.Jurisdiction) is not { } jurisdiction)
        {
            // Asked once: the topic waits for the answer.
            main.Values.SetId(PendingTopic, topic);
            // A danger does not wait for the country: the numbers to call come first, from the law the locale suggests.
            var shown = conversation.ShownJurisdiction;
            var emergency = topic == Topics.Danger
                ? AnswerCard.EmergencyNumbers(_knowledge.Interview(shown, Topics.Danger).EmergencyIds.Select(id => _knowledge[shown].Resources[id]),
                    conversation.Language)
                : null;
            await SendCardAsync(context, JurisdictionPickerCard.Create(Texts(context), null, conversation.SuggestedJurisdiction, emergency), cancellationToken);
            return;
        }

        await context.BeginDialogAsync(InterviewDialog.Name, InterviewDialog.Options(jurisdiction, topic, prefill, typed, dangerCue), cancellationToken);
    }

    /// <summary>The last interview's answers, in the order they were given.</summary>
    private static IEnumerable<KeyValuePair<string, string>> LastAnswers(DialogInstance main) =>
        main.Values.All
            .Where(v => v.Key.StartsWith(LastPrefix + InterviewDialog.AnswerPrefix, StringComparison.Ordinal) && v.Value is string)
            .Select(v => KeyValuePair.Create(v.Key[(LastPrefix + InterviewDialog.AnswerPrefix).Length..], (string)v.Value));

    private List<TopicChoice> TopicChoices(DialogContext context)
    {
        var conversation = context.Conversation();
        return Topics.All.Select(topic => new TopicChoice(topic, _knowledge.Interview(conversation.ShownJurisdiction, topic).Title.In(conversation.Language)))
            .ToList();
    }

    private static TextCatalog Texts(DialogContext context) => TextCatalog.For(context.Conversation().Language);

    private static Task SendCardAsync(DialogContext context, AdaptiveCard card, CancellationToken cancellationToken) =>
        context.SendAsync(new OutgoingMessage(card.FallbackText, card.ToJsonObject()), cancellationToken);
}
