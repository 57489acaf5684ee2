namespace SecretBot.Dialogs.Engine;

public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext step, CancellationToken cancellationToken);

/// <summary>
/// A dialog made of steps run in order (Bot Builder's WaterfallDialog). A step asks something
/// (starting a prompt), skips ahead, or ends. The waterfall keeps its step index, its values
/// (ids only), its options and the steps at which it asked something — so that "retour" goes back
/// to the previous question, over any step that was skipped.
/// </summary>
public class WaterfallDialog(string id, IReadOnlyList<WaterfallStep> steps, bool restartable = false) : Dialog(id)
{
    internal const string StepKey = "_step";
    internal const string AskedKey = "_asked";
    internal const string OptionsPrefix = "opt.";

    public override bool IsRestartable => restartable;

    public override Task<DialogTurnResult> BeginAsync(DialogContext context, DialogValues? options,
        CancellationToken cancellationToken)
    {
        var instance = context.ActiveDialog!;
        foreach (var (key, value) in options?.All ?? [])
        {
            instance.Values.SetRaw(OptionsPrefix + key, value);
        }

        return RunStepAsync(context, instance, 0, StepReason.Begin, null, cancellationToken);
    }

    /// <summary>A message reached the waterfall itself (no prompt running): the current step gets it.</summary>
    public override Task<DialogTurnResult> ContinueAsync(DialogContext context, CancellationToken cancellationToken)
    {
        var instance = context.ActiveDialog!;
        return RunStepAsync(context, instance, (instance.Values.GetInt(StepKey) ?? 0) + 1, StepReason.Continue, null,
            cancellationToken);
    }

    public override Task<DialogTurnResult> ResumeAsync(DialogContext context, object? result, CancellationToken cancellationToken)
    {
        var instance = context.ActiveDialog!;
        return RunStepAsync(context, instance, (instance.Values.GetInt(StepKey) ?? 0) + 1, StepReason.Resume, result,
            cancellationToken);
    }

    public override bool CanGoBack(DialogInstance instance) => instance.Values.GetInts(AskedKey).Count >= 2;

    public override async Task BackAsync(DialogContext context, DialogInstance instance, CancellationToken cancellationToken)
    {
        var asked = instance.Values.GetInts(AskedKey).ToList();

        // Forget the question on screen and the one before it: that one is asked again, and
        // records itself anew when it asks.
        asked.RemoveAt(asked.Count - 1);
        var target = asked[^1];
        asked.RemoveAt(asked.Count - 1);
        instance.Values.SetInts(AskedKey, asked);
        await RunStepAsync(context, instance, target, StepReason.Back, null, cancellationToken);
    }

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext context, DialogInstance instance, int index,
        StepReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= steps.Count)
        {
            return await context.EndDialogAsync(result, cancellationToken);
        }

        instance.Values.SetInt(StepKey, index);
        var step = new WaterfallStepContext(this, context, instance, index, reason, result);
        return await steps[index](step, cancellationToken);
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
}

public enum StepReason
{
    Begin,
    Resume,
    Continue,
    Back,
    Next,
}
