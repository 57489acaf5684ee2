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
    private const string VotedCards = "votes";
    private const int VotesKept = 20;

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
            [CardVerbs.SendToReferents] = SendToReferentsAsync,
            [CardVerbs.TakeReferentRequest] = TakeReferentRequestAsync,
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

    /// <summary>
    /// One vote per answer card: the first is counted, and the card is drawn again with thanks in
    /// place of the buttons — for the person who clicked and, in a group, for everyone. No message is added.
    /// </summary>
    private async Task<bool> FeedbackAsync(DialogContext context, DialogInstance main, CancellationToken cancellationToken)
    {
        var input = context.Input;
        if (input.CardString(CardDataKeys.Rating) is not ("up" or "down") || input.CardString(CardDataKeys.Outcome) is not { } outcome
            || !IsOutcome(outcome))
        {
            return false;
        }

        var votes = main.Values.GetInts(VotedCards);
        var mark = input.ReplyToId is { } cardId ? VoteMark(cardId) : (int?)null;
        if (mark is null || !votes.Contains(mark.Value))
        {
            await context.ApplyAsync(new CountVote(outcome, input.CardString(CardDataKeys.Rating)!), cancellationToken);
            if (mark is { } counted)
            {
                main.Values.SetInts(VotedCards, votes.Append(counted).TakeLast(VotesKept));
            }
        }

        if (input.ReplyToId is { } replyTo && ThankedAnswerCard(context, outcome) is { } thanked)
        {
            await context.UpdateAsync(replyTo, new OutgoingMessage(thanked.FallbackText, thanked.ToJsonObject()), cancellationToken);
        }
        else
        {
            // An older client's click without the card it came from, or a card the rule base no longer draws the same way.
            await context.SayAsync(Texts(context)["feedback.thanks"], cancellationToken);
        }

        return true;
    }

    /// <summary>The answer card the vote came from, with thanks in place of the vote; null when its answers no longer lead to that outcome.</summary>
    private AdaptiveCard? ThankedAnswerCard(DialogContext context, string outcome)
    {
        var (topic, outcomeId) = (outcome.Split('.')[0], outcome.Split('.')[1]);
        var answer = ClickedAnswer(context.Input.CardString(CardDataKeys.Jurisdiction), topic, context.Input.CardString(CardDataKeys.Answers));
        return answer?.OutcomeId == outcomeId ? AnswerCard.Create(Texts(context), answer, context.Conversation().CanAskReferents, voted: true) : null;
    }

    /// <summary>A card's mark among those voted on: four bytes of a digest of its message id, the same on every instance.</summary>
    private static int VoteMark(string messageId) =>
        BitConverter.ToInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(messageId)), 0);

    /// <summary>Shows what the référents would receive, and lets the person send it without a name or ask to be contacted.</summary>
    private async Task<bool> AskReferentAsync(DialogContext context, DialogInstance main, CancellationToken cancellationToken)
    {
        var conversation = context.Conversation();
        if (!conversation.CanAskReferents || _referentChannel is null || main.Values.GetId(LastTopic) is null)
        {
            await context.SayAsync(Texts(context)["escalation.notConfigured"], cancellationToken);
            return true;
        }

        await SendCardAsync(context, ReferentOfferCard.Create(Texts(context), _referentChannel, conversation.PersonName), cancellationToken);
        return true;
    }

    /// <summary>Posts the last answer's summary (topic, law, choices, verdict; never typed text, never the person helped) to the référents' channel.</summary>
    private async Task<bool> SendToReferentsAsync(DialogContext context, DialogInstance main, CancellationToken cancellationToken)
    {
        var texts = Texts(context);
        var conversation = context.Conversation();
        if (!conversation.CanAskReferents || _referentChannel is null || main.Values.GetId(LastTopic) is not { } topic
            || !Enum.TryParse<Jurisdiction>(main.Values.GetId(LastJurisdiction), out var jurisdiction))
        {
            await context.SayAsync(texts["escalation.notConfigured"], cancellationToken);
            return true;
        }

        var requester = context.Input.CardString(CardDataKeys.Contact) == "yes" ? conversation.PersonName : null;
        var requestId = Guid.NewGuid().ToString("N");
        var summary = EscalationSummaryCard.Create(texts, _evaluator.Evaluate(jurisdiction, topic, LastAnswers(main).ToDictionary(StringComparer.Ordinal)),
            new ReferentPost(requestId, requester));
        await context.ApplyAsync(new ReferentRequest(requestId,
            new OutgoingMessage(summary.FallbackText, summary.ToJsonObject()),
            OutgoingMessage.Plain(texts.Format("escalation.sent", _referentChannel)),
            OutgoingMessage.Plain(texts["escalation.throttled"])), cancellationToken);
        return true;
    }

    /// <summary>
    /// A référent's « Je m’en occupe », from their channel only: the post redrawn with who took it
    /// (or that someone already did, or that it expired), and the requester told in their language.
    /// </summary>
    private async Task<bool> TakeReferentRequestAsync(DialogContext context, DialogInstance main, CancellationToken cancellationToken)
    {
        var input = context.Conversation();
        if (!input.InReferentsChannel || input.CardString(CardDataKeys.Request) is not { Length: 32 } requestId || !requestId.All(char.IsAsciiHexDigitLower)
            || input.CardString(CardDataKeys.Topic) is not { } topic
            || ClickedAnswer(input.CardString(CardDataKeys.Jurisdiction), topic, input.CardString(CardDataKeys.Answers)) is not { } answer)
        {
            return false;
        }

        // The post keeps the language it was written in; the requester is told in theirs.
        var texts = TextCatalog.For(Languages.Parse(input.CardString(CardDataKeys.Language)) ?? input.Language);
        var requester = input.CardString(CardDataKeys.Requester) is { Length: > 0 and <= 256 } name ? name : null;
        var posts = new[] { ReferentPostStatus.Taken, ReferentPostStatus.TakenRequesterNotTold, ReferentPostStatus.AlreadyTaken, ReferentPostStatus.Expired }
            .ToDictionary(status => status, status =>
            {
                var card = EscalationSummaryCard.Create(texts, answer, new ReferentPost(requestId, requester, status, input.PersonName));
                return new OutgoingMessage(card.FallbackText, card.ToJsonObject());
            });
        var notices = Enum.GetValues<Language>().ToDictionary(language => language, language =>
        {
            var requesterTexts = TextCatalog.For(language);
            var taker = input.PersonName ?? requesterTexts["referent.someone"];
            return OutgoingMessage.Plain(requesterTexts.Format("referent.notice", taker, answer.InterviewTitle.In(language)) + " "
                                         + requesterTexts[requester is null ? "referent.noticeAnonymous" : "referent.noticeContact"]);
        });
        await context.ApplyAsync(new TakeReferentRequest(requestId, posts, notices), cancellationToken);
        return true;
    }

    /// <summary>The answer a button's ids lead to; null unless they are a complete, valid set of answers of that interview.</summary>
    private Answer? ClickedAnswer(string? jurisdictionCode, string topic, string? answerList)
    {
        if (!Enum.TryParse<Jurisdiction>(jurisdictionCode, out var jurisdiction) || !_knowledge.Jurisdictions.TryGetValue(jurisdiction, out var sources)
            || !sources.Interviews.TryGetValue(topic, out var interview) || AnswerList.Read(answerList) is not { } answers
            || answers.Any(a => interview.Questions.FirstOrDefault(q => q.Id == a.Key)?.Choices.Any(c => c.Id == a.Value) != true)
            || !InterviewPath.Walk(interview, answers).IsComplete)
        {
            return null;
        }

        return _evaluator.Evaluate(jurisdiction, topic, answers);
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
        return Topics.All.Select(topic => new TopicChoice(topic, _knowledge.Interview(conversation.ShownJurisdiction, topic).Button.In(conversation.Language)))
            .ToList();
    }

    private static TextCatalog Texts(DialogContext context) => TextCatalog.For(context.Conversation().Language);

    private static Task SendCardAsync(DialogContext context, AdaptiveCard card, CancellationToken cancellationToken) =>
        context.SendAsync(new OutgoingMessage(card.FallbackText, card.ToJsonObject()), cancellationToken);
}
