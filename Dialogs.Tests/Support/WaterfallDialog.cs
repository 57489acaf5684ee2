using SecretBot.Dialogs.Engine;
using SecretBot.Dialogs.Events;

namespace SecretBot.Dialogs.Tests.Support;

public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext step, CancellationToken cancellationToken);

public enum StepReason { Begin, Resume, Continue, Back, Next }

/// <summary>
/// A dialog made of steps run in order (Bot Builder's WaterfallDialog), for building test dialogs
/// on the engine. A step asks something (starting a prompt), skips ahead, or ends. It keeps its step
/// index, its options and the steps at which it asked something, so that "retour" goes back to the
/// previous question over any skipped step, and "recommencer" begins it again with its options.
/// </summary>
public class WaterfallDialog(string id, IReadOnlyList<WaterfallStep> steps, bool restartable = false) : Dialog(id)
{
    internal const string StepKey = "_step";
    internal const string AskedKey = "_asked";
    internal const string OptionsPrefix = "opt.";

    public override Task<DialogTurnResult> BeginAsync(DialogContext context, DialogValues? options, CancellationToken cancellationToken)
    {
        var instance = context.ActiveDialog!;
        foreach (var (key, value) in options?.All ?? [])
        {
            Copy(instance.Values, OptionsPrefix + key, value);
        }

        return RunStepAsync(context, instance, 0, StepReason.Begin, null, cancellationToken);
    }

    /// <summary>A message reached the waterfall itself (no prompt running): the current step gets it.</summary>
    public override Task<DialogTurnResult> ContinueAsync(DialogContext context, CancellationToken cancellationToken)
    {
        var instance = context.ActiveDialog!;
        return RunStepAsync(context, instance, (instance.Values.GetInt(StepKey) ?? 0) + 1, StepReason.Continue, null, cancellationToken);
    }

    public override Task<DialogTurnResult> ResumeAsync(DialogContext context, object? result, CancellationToken cancellationToken)
    {
        var instance = context.ActiveDialog!;
        return RunStepAsync(context, instance, (instance.Values.GetInt(StepKey) ?? 0) + 1, StepReason.Resume, result, cancellationToken);
    }

    public override async Task<bool> OnEventAsync(DialogContext context, DialogInstance instance, DialogEvent dialogEvent,
        CancellationToken cancellationToken)
    {
        switch (dialogEvent.Name)
        {
            case DialogEvent.Back when instance.Values.GetInts(AskedKey).Count >= 2:
                await context.CancelAboveAsync(instance);
                var asked = instance.Values.GetInts(AskedKey).ToList();
                // Forget the question on screen and the one before it: that one is asked again, and records itself anew.
                asked.RemoveAt(asked.Count - 1);
                var target = asked[^1];
                asked.RemoveAt(asked.Count - 1);
                instance.Values.SetInts(AskedKey, asked);
                await RunStepAsync(context, instance, target, StepReason.Back, null, cancellationToken);
                return true;
            case DialogEvent.Restart when restartable:
                await context.CancelAboveAsync(instance);
                var options = instance.Values.All.Where(v => v.Key.StartsWith(OptionsPrefix, StringComparison.Ordinal)).ToList();
                instance.Values.Clear();
                foreach (var (key, value) in options)
                {
                    Copy(instance.Values, key, value);
                }

                await RunStepAsync(context, instance, 0, StepReason.Begin, null, cancellationToken);
                return true;
            default:
                return false;
        }
    }

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext context, DialogInstance instance, int index, StepReason reason, object? result,
        CancellationToken cancellationToken)
    {
        if (index >= steps.Count)
        {
            return await context.EndDialogAsync(result, cancellationToken);
        }

        instance.Values.SetInt(StepKey, index);
        return await steps[index](new WaterfallStepContext(this, context, instance, index, reason, result), cancellationToken);
    }

    internal static void RecordAsked(DialogInstance instance, int index)
    {
        var asked = instance.Values.GetInts(AskedKey).ToList();
        if (asked.Count == 0 || asked[^1] != index)
        {
            asked.Add(index);
        }

        instance.Values.SetInts(AskedKey, asked);
    }

    private static void Copy(DialogValues values, string key, object value)
    {
        switch (value)
        {
            case string id: values.SetId(key, id); break;
            case int number: values.SetInt(key, number); break;
            case bool flag: values.SetFlag(key, flag); break;
            case List<int> list: values.SetInts(key, list); break;
        }
    }
}

/// <summary>What a waterfall step sees: where it is, why it runs, the previous step's result, and the kept values.</summary>
public sealed class WaterfallStepContext(WaterfallDialog waterfall, DialogContext context, DialogInstance instance, int index, StepReason reason,
    object? result)
{
    public DialogContext Context { get; } = context;

    public int Index { get; } = index;

    public StepReason Reason { get; } = reason;

    /// <summary>The result of the previous step or of the prompt it started (in memory only).</summary>
    public object? Result { get; } = result;

    public DialogValues Values => instance.Values;

    public Task<DialogTurnResult> NextAsync(object? next, CancellationToken cancellationToken) =>
        waterfall.RunStepAsync(Context, instance, Index + 1, StepReason.Next, next, cancellationToken);

    public Task<DialogTurnResult> EndAsync(object? end, CancellationToken cancellationToken) => Context.EndDialogAsync(end, cancellationToken);

    /// <summary>Starts a child dialog (usually a prompt); its result comes back to the next step.</summary>
    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, DialogValues? options, CancellationToken cancellationToken)
    {
        WaterfallDialog.RecordAsked(instance, Index);
        return Context.BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Asks the question the test catalog knows as <paramref name="key"/>.</summary>
    public Task<DialogTurnResult> PromptAsync(string promptDialogId, string key, CancellationToken cancellationToken) =>
        BeginDialogAsync(promptDialogId, new DialogValues().SetId(TestPrompts.KeyOption, key), cancellationToken);
}
