namespace SecretBot.Dialogs.Engine;

/// <summary>What a waterfall step sees: where it is, why it runs, the previous step's result, and the kept values.</summary>
public sealed class WaterfallStepContext
{
    private readonly WaterfallDialog _waterfall;
    private readonly DialogInstance _instance;

    internal WaterfallStepContext(WaterfallDialog waterfall, DialogContext context, DialogInstance instance, int index,
        StepReason reason, object? result)
    {
        _waterfall = waterfall;
        _instance = instance;
        Context = context;
        Index = index;
        Reason = reason;
        Result = result;
    }

    public DialogContext Context { get; }

    public int Index { get; }

    /// <summary>Why this step runs; on <see cref="StepReason.Back"/> the step asks its question again.</summary>
    public StepReason Reason { get; }

    /// <summary>The result of the previous step or of the prompt it started (in memory only).</summary>
    public object? Result { get; }

    /// <summary>Values kept across steps and turns (ids, numbers, flags).</summary>
    public DialogValues Values => _instance.Values;

    /// <summary>An option the waterfall was begun with.</summary>
    public string? Option(string name) => _instance.Values.GetId(WaterfallDialog.OptionsPrefix + name);

    /// <summary>Skips to the next step at once, handing it <paramref name="result"/>.</summary>
    public Task<DialogTurnResult> NextAsync(object? result, CancellationToken cancellationToken) =>
        _waterfall.RunStepAsync(Context, _instance, Index + 1, StepReason.Next, result, cancellationToken);

    public Task<DialogTurnResult> EndAsync(object? result, CancellationToken cancellationToken) =>
        Context.EndDialogAsync(result, cancellationToken);

    /// <summary>Starts a child dialog (usually a prompt); its result comes back to the next step.</summary>
    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, DialogValues? options, CancellationToken cancellationToken)
    {
        WaterfallDialog.RecordAsked(_instance, Index);
        return Context.BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Asks the prompt <paramref name="promptDialogId"/> the question the catalog knows as <paramref name="promptKey"/>.</summary>
    public Task<DialogTurnResult> PromptAsync(string promptDialogId, string promptKey, CancellationToken cancellationToken) =>
        BeginDialogAsync(promptDialogId, new DialogValues().SetId(Prompts.Prompt.KeyOption, promptKey), cancellationToken);
}
