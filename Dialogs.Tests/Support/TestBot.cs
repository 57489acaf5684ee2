using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecretBot.Dialogs.Engine;
using SecretBot.Dialogs.Events;
using SecretBot.Dialogs.Runtime;
using SecretBot.Dialogs.State;
using SecretBot.Dialogs.Turns;

namespace SecretBot.Dialogs.Tests.Support;

/// <summary>
/// A small bot built on the engine alone, run turn by turn as a host would: it reads the commands
/// (aide, annuler, recommencer, retour, langue, pays) into events, words the engine's notices, and
/// records the effects the runner applies. Its root is an interview: role → consent (skipped for
/// "none") → partner → a nested two-question dialog → summary; another root takes a free text.
/// </summary>
public sealed class TestBot
{
    public static readonly IReadOnlyDictionary<string, TestQuestion> Catalog = new[]
    {
        new TestQuestion("q.role", "Quelle est votre fonction ?",
            [("social_worker", "Assistant·e social·e", ["as", "assistante sociale", "travailleur social"]),
             ("nurse", "Infirmier·ère", ["infirmiere", "infirmier", "nurse"]),
             ("none", "Aucune de celles-ci", ["autre"])], "AIDE-ROLE: votre fonction décide du texte qui s'applique."),
        new TestQuestion("q.consent", "La personne est-elle d'accord ?", [], "AIDE-CONSENT"),
        new TestQuestion("q.partner", "Avec qui ?", [("school", "L'école", ["ecole", "enseignant"]), ("colleague", "Un·e collègue", ["collegue"])]),
        new TestQuestion("q.sub1", "Sous-question 1 ?", [("a", "Alpha", []), ("b", "Bravo", [])]),
        new TestQuestion("q.sub2", "Sous-question 2 ?", [("c", "Charlie", []), ("d", "Delta", [])]),
        new TestQuestion("q.note", "Décrivez la situation en une phrase.", []),
    }.ToDictionary(q => q.Key);

    private static readonly Dictionary<string, string> Commands = new(StringComparer.Ordinal)
    {
        ["aide"] = DialogEvent.Help, ["help"] = DialogEvent.Help, ["annuler"] = DialogEvent.Cancel, ["recommencer"] = DialogEvent.Restart,
        ["retour"] = DialogEvent.Back, ["back"] = DialogEvent.Back, ["langue"] = "language", ["pays"] = "country", ["country"] = "country",
    };

    public TestBot(IStateStore? store = null, string root = "root", ILogger<DialogTurnRunner>? logger = null)
    {
        Store = store ?? new MemoryStateStore();
        Runner = new DialogTurnRunner(BuildDialogs().Add(Counting), root, Store, new StateOptions(), new TestNotices(), logger ?? NullLogger<DialogTurnRunner>.Instance);
    }

    public IStateStore Store { get; }

    /// <summary>A root that counts its runs, for the effects-after-save tests.</summary>
    public CountingDialog Counting { get; } = new();

    public DialogTurnRunner Runner { get; }

    public string Conversation { get; init; } = "conversation-1";

    public string StateKey => "test:c:" + Conversation;

    public Task<RecordingEffects> SayAsync(string text) => RunAsync(new DialogTurnInput(text, null)
    {
        Event = Commands.TryGetValue(TestPrompts.Normalize(text), out var command) ? new DialogEvent(command) : null,
    });

    public Task<RecordingEffects> ClickAsync(object data, string? replyToId = "card-1")
    {
        var value = JsonSerializer.SerializeToElement(data);
        var input = new DialogTurnInput(null, value, replyToId);
        return RunAsync(input with
        {
            Event = input.CardString("command") is { } command ? new DialogEvent(command) : null,
            ContinuesConversation = input.CardString("prompt") is not null,
        });
    }

    public async Task<RecordingEffects> RunAsync(DialogTurnInput input)
    {
        var effects = new RecordingEffects();
        effects.Outcome = await Runner.RunAsync(input, StateKey, effects, default);
        return effects;
    }

    public static DialogSet BuildDialogs() => new DialogSet()
        .Add(new TestPrompts.ChoicePrompt(Catalog))
        .Add(new TestPrompts.YesNoPrompt(Catalog))
        .Add(new TestPrompts.TextPrompt(Catalog))
        .Add(new RootDialog())
        .Add(new WaterfallDialog("sub",
        [
            (step, ct) => step.PromptAsync(TestPrompts.Choice, "q.sub1", ct),
            (step, ct) =>
            {
                if (step.Result is string first)
                {
                    step.Values.SetId("sub1", first);
                }

                return step.PromptAsync(TestPrompts.Choice, "q.sub2", ct);
            },
            (step, ct) => step.EndAsync($"{step.Values.GetId("sub1")}-{step.Result}", ct),
        ]))
        .Add(new WaterfallDialog("notes",
        [
            (step, ct) => step.PromptAsync(TestPrompts.Text, "q.note", ct),
            async (step, ct) =>
            {
                var text = (string)step.Result!;
                await step.Context.SayAsync($"noted {text.Length} characters", ct);
                return await step.EndAsync(null, ct);
            },
        ]));

    /// <summary>The root interview; it also settles the language and country commands, and offers general help.</summary>
    private sealed class RootDialog() : WaterfallDialog("root", Steps, restartable: true)
    {
        private static readonly WaterfallStep[] Steps =
        [
            (step, ct) => step.PromptAsync(TestPrompts.Choice, "q.role", ct),
            (step, ct) =>
            {
                if (step.Result is string role)
                {
                    step.Values.SetId("role", role);
                }

                return step.Values.GetId("role") == "none" ? step.NextAsync(null, ct) : step.PromptAsync(TestPrompts.YesNo, "q.consent", ct);
            },
            (step, ct) =>
            {
                if (step.Result is bool consent)
                {
                    step.Values.SetFlag("consent", consent);
                }

                return step.PromptAsync(TestPrompts.Choice, "q.partner", ct);
            },
            (step, ct) =>
            {
                if (step.Result is string partner)
                {
                    step.Values.SetId("partner", partner);
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

        public override async Task<bool> OnEventAsync(DialogContext context, DialogInstance instance, DialogEvent dialogEvent,
            CancellationToken cancellationToken)
        {
            if (dialogEvent.Name is not ("language" or "country"))
            {
                return await base.OnEventAsync(context, instance, dialogEvent, cancellationToken);
            }

            await context.SayAsync($"picker:{dialogEvent.Name}", cancellationToken);
            await context.RepromptDialogAsync(cancellationToken);
            return true;
        }
    }
}

/// <summary>The engine's notices, worded for the tests.</summary>
public sealed class TestNotices : INoticePresenter
{
    public OutgoingMessage Notice(EngineNotice notice, DialogTurnInput input) => OutgoingMessage.Plain(notice switch
    {
        EngineNotice.FreshStart => "Notre échange précédent a expiré : on repart de zéro.",
        EngineNotice.Busy => "Un instant. Réessayez dans quelques secondes.",
        EngineNotice.StateUnavailable => "Momentanément indisponible.",
        EngineNotice.Cancelled => "C'est annulé.",
        EngineNotice.FirstQuestion => "C'est la première question.",
        EngineNotice.NoHelp => "Commandes : aide, retour, recommencer, annuler.",
        EngineNotice.StaleCard => "Cette question a déjà reçu une réponse.",
        _ => notice.ToString(),
    });
}

/// <summary>What the runner applied for one turn: messages sent (each given an id), updates, and any other effect.</summary>
public sealed class RecordingEffects : ITurnEffects
{
    private static int _ids;

    public List<(string Id, OutgoingMessage Message)> Sent { get; } = [];

    public List<(string Id, OutgoingMessage Message)> Updates { get; } = [];

    public List<TurnEffect> Others { get; } = [];

    public DialogTurnOutcome Outcome { get; set; }

    /// <summary>Everything said, texts joined, for assertions.</summary>
    public string Said => string.Join("\n", Sent.Select(s => s.Message.Text));

    public Task<string?> ApplyAsync(TurnEffect effect, CancellationToken cancellationToken)
    {
        switch (effect)
        {
            case SendMessage send:
                var id = $"m{Interlocked.Increment(ref _ids)}";
                Sent.Add((id, send.Message));
                return Task.FromResult<string?>(id);
            case UpdateMessage update:
                Updates.Add((update.MessageId, update.Message));
                break;
            default:
                Others.Add(effect);
                break;
        }

        return Task.FromResult<string?>(null);
    }
}

/// <summary>A root that wants one host effect and one message per turn, and counts how often it ran.</summary>
public sealed class CountingDialog() : Dialog(Name)
{
    public const string Name = "counting";

    /// <summary>A host's own effect, for the test: a vote counted.</summary>
    public sealed record Counted(string What) : TurnEffect;

    /// <summary>How many times a turn ran this dialog (a conflict runs it again).</summary>
    public int Runs { get; private set; }

    public override async Task<DialogTurnResult> BeginAsync(DialogContext context, DialogValues? options, CancellationToken cancellationToken)
    {
        Runs++;
        await context.ApplyAsync(new Counted("vote"), cancellationToken);
        await context.SayAsync("vote counted", cancellationToken);
        return await context.EndDialogAsync(null, cancellationToken);
    }
}
