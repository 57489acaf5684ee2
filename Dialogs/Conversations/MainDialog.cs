using SecretBot.Cards.Catalog;
using SecretBot.Cards.Compose;
using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;
using SecretBot.Dialogs.Engine;
using SecretBot.Dialogs.Interruptions;
using SecretBot.Dialogs.Runtime;
using SecretBot.Dialogs.State;
using SecretBot.Dialogs.Turns;
using SecretBot.Knowledge.Evaluation;
using SecretBot.Knowledge.Model;

namespace SecretBot.Dialogs.Conversations;

/// <summary>
/// The conversation's root: it stays at the bottom of the stack, routes each message (welcome,
/// urgent reflexes, look-up, interview, or a choice of topics), answers the product's buttons
/// (topics, country, language, "modifier mes réponses") and keeps the last interview's answers.
/// </summary>
/// <param name="referentChannel">The name of the référents' channel, when the organisation configured one.</param>
public sealed class MainDialog(KnowledgeBase knowledge, Router router, PreferencesStore preferences, Evaluator evaluator, string? referentChannel)
    : Dialog(Name)
{
    public const string Name = "main";
    private const string LastPrefix = "last.";
    private const string PendingTopic = "pending.topic";

    // A look-up card (the urgent reflexes among them) is the same for everyone in that language and country.
    private readonly CardMemo _lookupCards = new();

    public override async Task<DialogTurnResult> BeginAsync(DialogContext context, DialogValues? options, CancellationToken cancellationToken) =>
        await HandleAsync(context, context.ActiveDialog!, options?.GetId(DialogTurnRunner.CommandOption), cancellationToken);

    public override Task<DialogTurnResult> ContinueAsync(DialogContext context, CancellationToken cancellationToken) =>
        HandleAsync(context, context.ActiveDialog!, null, cancellationToken);

    public override Task<DialogTurnResult> ResumeAsync(DialogContext context, object? result, CancellationToken cancellationToken)
    {
        if (result is InterviewResult interview)
        {
            var values = context.ActiveDialog!.Values;
            foreach (var key in values.All.Select(v => v.Key).Where(k => k.StartsWith(LastPrefix, StringComparison.Ordinal)).ToList())
            {
                values.Remove(key);
            }

            values.SetId(LastPrefix + InterviewDialog.JurisdictionOption, interview.Jurisdiction.ToString());
            values.SetId(LastPrefix + InterviewDialog.TopicOption, interview.Topic);
            foreach (var (question, choice) in interview.Answers)
            {
                values.SetId(LastPrefix + InterviewDialog.AnswerPrefix + question, choice);
            }
        }

        return Task.FromResult(DialogTurnResult.Waiting);
    }

    public override async Task<bool> OnInterruptionAsync(DialogContext context, Interruption interruption, CancellationToken cancellationToken)
    {
        var main = context.State.Stack[0];
        switch (interruption.Kind)
        {
            case InterruptionKind.Language:
                await SendCardAsync(context, LanguagePickerCard.Create(Texts(context)), cancellationToken);
                break;
            case InterruptionKind.Country:
                await SendCardAsync(context, JurisdictionPickerCard.Create(Texts(context), JurisdictionOf(context), Suggested(context)), cancellationToken);
                break;
            case InterruptionKind.Action:
                await ActAsync(context, main, interruption.Verb!, cancellationToken);
                return true;
            case InterruptionKind.Help:
                await SendCardAsync(context, HelpCard.Create(Texts(context), TopicChoices(context)), cancellationToken);
                return true;
            default:
                return false;
        }

        await context.RepromptDialogAsync(cancellationToken);
        return true;
    }

    private async Task<DialogTurnResult> HandleAsync(DialogContext context, DialogInstance main, string? command, CancellationToken cancellationToken)
    {
        // A command said first thing, before anything else was under way.
        if (command == nameof(InterruptionKind.Help))
        {
            await SendCardAsync(context, HelpCard.Create(Texts(context), TopicChoices(context)), cancellationToken);
        }
        else if (command == nameof(InterruptionKind.Language))
        {
            await SendCardAsync(context, LanguagePickerCard.Create(Texts(context)), cancellationToken);
        }
        else if (command == nameof(InterruptionKind.Country))
        {
            await SendCardAsync(context, JurisdictionPickerCard.Create(Texts(context), JurisdictionOf(context), Suggested(context)), cancellationToken);
        }
        else if (context.Input.IsCardAction && context.Input.CardString(Interruption.VerbField) is { } verb)
        {
            await ActAsync(context, main, verb, cancellationToken);
        }
        else
        {
            await RouteAsync(context, main, cancellationToken);
        }

        return DialogTurnResult.Waiting;
    }

    private async Task RouteAsync(DialogContext context, DialogInstance main, CancellationToken cancellationToken)
    {
        var jurisdiction = ShownJurisdiction(context);
        var route = router.Decide(jurisdiction, context.Input.Text);
        var texts = Texts(context);
        switch (route.Kind)
        {
            case RouteKind.Welcome:
                await SendCardAsync(context, WelcomeCard.Create(texts, new WelcomeCardInput(
                    context.Input.Kind == ConversationKind.Personal ? WelcomeScope.Personal : WelcomeScope.Team, TopicChoices(context),
                    JurisdictionOf(context))), cancellationToken);
                break;
            case RouteKind.Urgent or RouteKind.Lookup:
                var sources = knowledge[jurisdiction];
                var (fallback, card) = _lookupCards.Get(CardMemo.Key([context.Language, jurisdiction, route.Id]),
                    () => LookupCard.Create(texts, sources.Lookups.First(l => l.Id == route.Id), sources, knowledge.Version));
                await context.SendAsync(new OutgoingMessage(fallback, card), cancellationToken);
                break;
            case RouteKind.Interview:
                await StartInterviewAsync(context, main, route.Id!, route.Prefill, cancellationToken, typed: true, dangerCue: route.DangerCue);
                break;
            default:
                await SendCardAsync(context, NotUnderstoodCard.Create(texts, TopicChoices(context).Where(t => route.Topics.Contains(t.Id)).ToList()), cancellationToken);
                break;
        }
    }

    private async Task ActAsync(DialogContext context, DialogInstance main, string verb, CancellationToken cancellationToken)
    {
        var texts = Texts(context);
        switch (verb)
        {
            case CardVerbs.StartTopic when context.Input.CardString(CardDataKeys.Topic) is { } topic && Topics.All.Contains(topic):
                await StartInterviewAsync(context, main, topic, new Dictionary<string, string>(), cancellationToken);
                break;
            case CardVerbs.EditAnswers when main.Values.GetId(LastPrefix + InterviewDialog.TopicOption) is { } topic:
                await StartInterviewAsync(context, main, topic, LastAnswersButTheLast(main), cancellationToken);
                break;
            case CardVerbs.SetJurisdiction when context.Input.CardString(CardDataKeys.Jurisdiction) is { } code
                                                && Enum.TryParse<Jurisdiction>(code, ignoreCase: true, out var chosen):
                await SaveAsync(context, prefs => prefs with { Jurisdiction = chosen.ToString() }, cancellationToken);
                // A topic waiting for the country, or the interview under way, goes on under the chosen law.
                var pending = main.Values.GetId(PendingTopic)
                              ?? context.State.Stack.FirstOrDefault(i => i.DialogId == InterviewDialog.Name)?.Values
                                  .GetId(WaterfallDialog.OptionsPrefix + InterviewDialog.TopicOption);
                main.Values.Remove(PendingTopic);
                if (pending is not null)
                {
                    await context.SayAsync(texts.Format("jurisdiction.shown", texts.NameOf(chosen)), cancellationToken);
                    await StartInterviewAsync(context, main, pending, new Dictionary<string, string>(), cancellationToken, chosen);
                }
                else
                {
                    await context.SayAsync(texts.Format("jurisdiction.shown", texts.NameOf(chosen)), cancellationToken);
                    await context.RepromptDialogAsync(cancellationToken);
                }

                break;
            case CardVerbs.SetLanguage when context.Input.CardString(CardDataKeys.Language) is "fr" or "en":
                await SaveAsync(context, prefs => prefs with { Language = context.Input.CardString(CardDataKeys.Language) }, cancellationToken);
                await context.RepromptDialogAsync(cancellationToken);
                break;
            case CardVerbs.Feedback when context.Input.CardString(CardDataKeys.Rating) is "up" or "down"
                                          && context.Input.CardString(CardDataKeys.Outcome) is { } outcome && IsOutcome(outcome):
                AnswerFeedback.Record(outcome, context.Input.CardString(CardDataKeys.Rating)!);
                await context.SayAsync(texts["feedback.thanks"], cancellationToken);
                break;
            case CardVerbs.AskReferent:
                await AskReferentAsync(context, main, texts, cancellationToken);
                break;
            case CardVerbs.AskJurisdiction:
                await SendCardAsync(context, JurisdictionPickerCard.Create(texts, JurisdictionOf(context), Suggested(context)), cancellationToken);
                break;
            case CardVerbs.AskLanguage:
                await SendCardAsync(context, LanguagePickerCard.Create(texts), cancellationToken);
                break;
            case CardVerbs.Help:
                await SendCardAsync(context, HelpCard.Create(texts, TopicChoices(context)), cancellationToken);
                await context.RepromptDialogAsync(cancellationToken);
                break;
            default:
                await context.CancelChildrenAsync(cancellationToken);
                await SendCardAsync(context, WelcomeCard.Create(texts, new WelcomeCardInput(WelcomeScope.Personal, TopicChoices(context),
                    JurisdictionOf(context))), cancellationToken);
                break;
        }
    }

    /// <summary>Posts the last answer's summary (topic, law, choices, verdict; never typed text) to the référents' channel.</summary>
    private async Task AskReferentAsync(DialogContext context, DialogInstance main, CardTexts texts, CancellationToken cancellationToken)
    {
        if (!context.Input.CanAskReferents || referentChannel is null || main.Values.GetId(LastPrefix + InterviewDialog.TopicOption) is not { } topic
            || !Enum.TryParse<Jurisdiction>(main.Values.GetId(LastPrefix + InterviewDialog.JurisdictionOption), out var jurisdiction))
        {
            await context.SayAsync(texts["escalation.notConfigured"], cancellationToken);
            return;
        }

        var answers = main.Values.All
            .Where(v => v.Key.StartsWith(LastPrefix + InterviewDialog.AnswerPrefix, StringComparison.Ordinal) && v.Value is string)
            .ToDictionary(v => v.Key[(LastPrefix + InterviewDialog.AnswerPrefix).Length..], v => (string)v.Value, StringComparer.Ordinal);
        var summary = EscalationSummaryCard.Create(texts, evaluator.Evaluate(jurisdiction, topic, answers));
        await context.Turn.PostToReferentsAsync(new ReferentRequest(
            new OutgoingMessage(summary.FallbackText, summary.ToJsonObject()),
            OutgoingMessage.Plain(texts.Format("escalation.sent", referentChannel)),
            OutgoingMessage.Plain(texts["escalation.throttled"])), cancellationToken);
    }

    private bool IsOutcome(string outcome) =>
        outcome.Split('.') is [var topic, var id] && Topics.All.Contains(topic)
        && knowledge.Jurisdictions.Values.Any(j => j.Interviews[topic].Outcomes.Any(o => o.Id == id));

    /// <param name="typed">The prefill comes from a typed message: the interview shows it before using it.</param>
    /// <param name="dangerCue">The typed message mentions a present danger while it asks another question.</param>
    private async Task StartInterviewAsync(DialogContext context, DialogInstance main, string topic, IReadOnlyDictionary<string, string> prefill,
        CancellationToken cancellationToken, Jurisdiction? chosen = null, bool typed = false, bool dangerCue = false)
    {
        await context.CancelChildrenAsync(cancellationToken);
        if ((chosen ?? JurisdictionOf(context)) is not { } jurisdiction)
        {
            // Asked once: the topic waits for the answer.
            main.Values.SetId(PendingTopic, topic);
            // A danger does not wait for the country: the numbers to call come first, from the law the locale suggests.
            var emergency = topic == Topics.Danger
                ? AnswerCard.EmergencyNumbers(knowledge.Interview(ShownJurisdiction(context), Topics.Danger).EmergencyIds
                    .Select(id => knowledge[ShownJurisdiction(context)].Resources[id]), context.Language)
                : null;
            await SendCardAsync(context, JurisdictionPickerCard.Create(Texts(context), null, Suggested(context), emergency), cancellationToken);
            return;
        }

        var options = new DialogValues()
            .SetId(InterviewDialog.JurisdictionOption, jurisdiction.ToString())
            .SetId(InterviewDialog.TopicOption, topic)
            .SetFlag(InterviewDialog.TypedOption, typed)
            .SetFlag(InterviewDialog.DangerCueOption, dangerCue);
        foreach (var (question, choice) in prefill)
        {
            options.SetId(InterviewDialog.AnswerPrefix + question, choice);
        }

        await context.BeginDialogAsync(InterviewDialog.Name, options, cancellationToken);
    }

    /// <summary>"Modifier mes réponses": every answer kept but the last, which is asked again.</summary>
    private static Dictionary<string, string> LastAnswersButTheLast(DialogInstance main)
    {
        var answers = main.Values.All
            .Where(v => v.Key.StartsWith(LastPrefix + InterviewDialog.AnswerPrefix, StringComparison.Ordinal) && v.Value is string)
            .Select(v => (Question: v.Key[(LastPrefix + InterviewDialog.AnswerPrefix).Length..], Choice: (string)v.Value))
            .ToList();
        return answers.SkipLast(1).ToDictionary(a => a.Question, a => a.Choice, StringComparer.Ordinal);
    }

    private async Task SaveAsync(DialogContext context, Func<UserPreferences, UserPreferences> change, CancellationToken cancellationToken)
    {
        var current = await preferences.GetAsync(context.Input.UserKey, cancellationToken);
        await preferences.SetAsync(context.Input.UserKey, change(current), cancellationToken);
    }

    private static Jurisdiction? JurisdictionOf(DialogContext context) =>
        Enum.TryParse<Jurisdiction>(context.Input.Jurisdiction, out var jurisdiction) ? jurisdiction : null;

    private static Jurisdiction? Suggested(DialogContext context) =>
        Enum.TryParse<Jurisdiction>(context.Input.SuggestedJurisdiction, out var suggested) ? suggested : null;

    /// <summary>Before the country is chosen, routing and look-ups follow the locale's suggestion (else Belgium); the card names the law it used.</summary>
    private static Jurisdiction ShownJurisdiction(DialogContext context) => JurisdictionOf(context) ?? Suggested(context) ?? Jurisdiction.BE;

    private List<TopicChoice> TopicChoices(DialogContext context)
    {
        var jurisdiction = ShownJurisdiction(context);
        return Topics.All.Select(topic => new TopicChoice(topic, knowledge.Interview(jurisdiction, topic).Title.In(context.Language))).ToList();
    }

    private static CardTexts Texts(DialogContext context) => CardPromptPresenter.Texts(context.Language);

    private static Task<string?> SendCardAsync(DialogContext context, Cards.Model.AdaptiveCard card, CancellationToken cancellationToken) =>
        context.SendAsync(new OutgoingMessage(card.FallbackText, card.ToJsonObject()), cancellationToken);
}
