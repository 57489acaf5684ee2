using SecretBot.Bot.Tests.Infrastructure;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecretBot.Dialogs.Engine;
using SecretBot.Dialogs.Interruptions;
using SecretBot.Dialogs.Prompts;
using SecretBot.Dialogs.Runtime;
using SecretBot.Dialogs.State;
using SecretBot.Dialogs.Texts;
using SecretBot.Dialogs.Turns;

namespace SecretBot.Bot.Tests.Dialogs;

/// <summary>
/// A small interview built on the engine, run turn by turn: a root waterfall (role → consent,
/// skipped for "none" → partner → a nested two-question dialog → summary) and a text-prompt dialog.
/// </summary>
public sealed class DialogHarness
{
    public static readonly EngineTexts Texts = EngineTexts.Load();

    public DialogHarness(IStateStore? store = null, string root = "root", ILogger<DialogTurnRunner>? logger = null)
    {
        Store = store ?? new MemoryStateStore();
        Runner = new DialogTurnRunner(BuildDialogs(), root, Store, TestDigests.Keys, new StateOptions(), Texts, new PlainPromptPresenter(),
            logger ?? NullLogger<DialogTurnRunner>.Instance);
    }

    public IStateStore Store { get; }

    public DialogTurnRunner Runner { get; }

    public string Conversation { get; init; } = "conversation-1";

    public async Task<RecordingTurn> SayAsync(string text, string language = "fr")
    {
        var turn = new RecordingTurn(new DialogTurnInput(text, null, language, Conversation, "user-1", ConversationKind.Personal));
        turn.Outcome = await Runner.RunAsync(turn, default);
        return turn;
    }

    public async Task<RecordingTurn> ClickAsync(object data, string? replyToId = "card-1")
    {
        var value = JsonSerializer.SerializeToElement(data);
        var turn = new RecordingTurn(new DialogTurnInput(null, value, "fr", Conversation, "user-1", ConversationKind.Personal, replyToId));
        turn.Outcome = await Runner.RunAsync(turn, default);
        return turn;
    }

    public static DictionaryPromptCatalog Catalog() => new DictionaryPromptCatalog()
        .Add("fr", new PromptOptions("q.role", "Quelle est votre fonction ?",
            [
                new Choice("social_worker", "Assistant·e social·e", ["AS", "assistante sociale", "travailleur social"]),
                new Choice("nurse", "Infirmier·ère", ["infirmiere", "infirmier", "nurse"]),
                new Choice("none", "Aucune de celles-ci", ["autre"]),
            ], Help: "AIDE-ROLE: votre fonction décide du texte qui s'applique."))
        .Add("fr", new PromptOptions("q.consent", "La personne est-elle d'accord ?", [], Help: "AIDE-CONSENT"))
        .Add("fr", new PromptOptions("q.partner", "Avec qui ?",
            [new Choice("school", "L'école", ["ecole", "enseignant"]), new Choice("colleague", "Un·e collègue", ["collegue"])]))
        .Add("fr", new PromptOptions("q.sub1", "Sous-question 1 ?", [new Choice("a", "Alpha"), new Choice("b", "Bravo")]))
        .Add("fr", new PromptOptions("q.sub2", "Sous-question 2 ?", [new Choice("c", "Charlie"), new Choice("d", "Delta")]))
        .Add("fr", new PromptOptions("q.note", "Décrivez la situation en une phrase.", []));

    public static DialogSet BuildDialogs() => new DialogSet(Catalog())
        .Add(new ChoicePrompt())
        .Add(new ConfirmPrompt())
        .Add(new TextPrompt())
        .Add(new RootDialog())
        .Add(new WaterfallDialog("sub",
        [
            (step, ct) => step.PromptAsync(ChoicePrompt.DefaultId, "q.sub1", ct),
            (step, ct) =>
            {
                if (step.Result is Choice first)
                {
                    step.Values.SetId("sub1", first.Id);
                }

                return step.PromptAsync(ChoicePrompt.DefaultId, "q.sub2", ct);
            },
            (step, ct) => step.EndAsync($"{step.Values.GetId("sub1")}-{((Choice)step.Result!).Id}", ct),
        ]))
        .Add(new WaterfallDialog("notes",
        [
            (step, ct) => step.PromptAsync(TextPrompt.DefaultId, "q.note", ct),
            async (step, ct) =>
            {
                var text = (string)step.Result!;
                await step.Context.SayAsync($"noted {text.Length} characters", ct);
                return await step.EndAsync(null, ct);
            },
        ]));

    /// <summary>The root interview; it also settles the language and country commands.</summary>
    private sealed class RootDialog() : WaterfallDialog("root", Steps, restartable: true)
    {
        private static readonly WaterfallStep[] Steps =
        [
            (step, ct) => step.PromptAsync(ChoicePrompt.DefaultId, "q.role", ct),
            (step, ct) =>
            {
                if (step.Result is Choice role)
                {
                    step.Values.SetId("role", role.Id);
                }

                return step.Values.GetId("role") == "none"
                    ? step.NextAsync(null, ct)
                    : step.PromptAsync(ConfirmPrompt.DefaultId, "q.consent", ct);
            },
            (step, ct) =>
            {
                if (step.Result is bool consent)
                {
                    step.Values.SetFlag("consent", consent);
                }

                return step.PromptAsync(ChoicePrompt.DefaultId, "q.partner", ct);
            },
            (step, ct) =>
            {
                if (step.Result is Choice partner)
                {
                    step.Values.SetId("partner", partner.Id);
                }

                return step.BeginDialogAsync("sub", null, ct);
            },
            async (step, ct) =>
            {
                var v = step.Values;
                await step.Context.SayAsync(
                    $"done role={v.GetId("role")} consent={(v.Contains("consent") ? v.GetFlag("consent") : "skipped")} partner={v.GetId("partner")} sub={step.Result}", ct);
                return await step.EndAsync(null, ct);
            },
        ];

        public override async Task<bool> OnInterruptionAsync(DialogContext context, Interruption interruption, CancellationToken cancellationToken)
        {
            if (interruption.Kind is not (InterruptionKind.Language or InterruptionKind.Country))
            {
                return false;
            }

            await context.SayAsync($"picker:{interruption.Kind}", cancellationToken);
            await context.RepromptDialogAsync(cancellationToken);
            return true;
        }
    }
}

/// <summary>A turn that records what the dialogs said, giving each sent message an id.</summary>
public sealed class RecordingTurn(DialogTurnInput input) : IDialogTurn
{
    private static int _ids;

    public DialogTurnInput Input { get; } = input;

    public List<(string Id, OutgoingMessage Message)> Sent { get; } = [];

    public List<(string Id, OutgoingMessage Message)> Updates { get; } = [];

    public DialogTurnOutcome Outcome { get; set; }

    /// <summary>Everything said, texts joined, for assertions.</summary>
    public string Said => string.Join("\n", Sent.Select(s => s.Message.Text));

    public Task<string?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var id = $"m{Interlocked.Increment(ref _ids)}";
        Sent.Add((id, message));
        return Task.FromResult<string?>(id);
    }

    public Task UpdateAsync(string messageId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        Updates.Add((messageId, message));
        return Task.CompletedTask;
    }

    public Task PostToReferentsAsync(ReferentRequest request, CancellationToken cancellationToken) =>
        SendAsync(request.Posted, cancellationToken);
}
