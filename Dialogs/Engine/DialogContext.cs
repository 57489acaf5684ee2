using SecretBot.Dialogs.Prompts;
using SecretBot.Dialogs.Texts;
using SecretBot.Dialogs.Turns;

namespace SecretBot.Dialogs.Engine;

/// <summary>
/// The dialog stack of one conversation during one turn, and the operations that move it (Bot
/// Builder's DialogContext): begin, continue, end, replace, cancel all, reprompt.
/// </summary>
public sealed class DialogContext(DialogSet dialogs, DialogState state, IDialogTurn turn, EngineTexts texts,
    IPromptPresenter presenter)
{
    public DialogSet Dialogs { get; } = dialogs;

    public DialogState State { get; } = state;

    public IDialogTurn Turn { get; } = turn;

    public DialogTurnInput Input => Turn.Input;

    public string Language => Input.Language;

    public EngineTexts Texts { get; } = texts;

    public IPromptPresenter Presenter { get; } = presenter;

    public DialogInstance? ActiveDialog => State.Active;

    /// <summary>Dialog ids from the innermost outwards: where the conversation is.</summary>
    public IEnumerable<string> Path => Enumerable.Reverse(State.Stack).Select(i => i.DialogId);

    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, DialogValues? options,
        CancellationToken cancellationToken)
    {
        var dialog = Require(dialogId);
        State.Stack.Add(new DialogInstance(dialogId));
        return await dialog.BeginAsync(this, options, cancellationToken);
    }

    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } active)
        {
            return DialogTurnResult.Empty;
        }

        return await Require(active.DialogId).ContinueAsync(this, cancellationToken);
    }

    /// <summary>Ends the active dialog and hands <paramref name="result"/> to its parent, if any.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result, CancellationToken cancellationToken)
    {
        if (State.Stack.Count > 0)
        {
            State.Stack.RemoveAt(State.Stack.Count - 1);
        }

        if (ActiveDialog is { } parent)
        {
            return await Require(parent.DialogId).ResumeAsync(this, result, cancellationToken);
        }

        return new DialogTurnResult(DialogTurnStatus.Complete, result);
    }

    /// <summary>Swaps the active dialog for another, without resuming the parent in between.</summary>
    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, DialogValues? options, CancellationToken cancellationToken)
    {
        if (State.Stack.Count > 0)
        {
            State.Stack.RemoveAt(State.Stack.Count - 1);
        }

        return BeginDialogAsync(dialogId, options, cancellationToken);
    }

    public Task<DialogTurnResult> CancelAllDialogsAsync()
    {
        State.Stack.Clear();
        return Task.FromResult(DialogTurnResult.Cancelled);
    }

    /// <summary>Ends every dialog above the root, which stays: the root starts something else.</summary>
    public Task CancelChildrenAsync(CancellationToken cancellationToken)
    {
        if (State.Stack.Count > 1)
        {
            State.Stack.RemoveRange(1, State.Stack.Count - 1);
            State.Remembered.Remove(Prompts.Prompt.QuestionMessage);
        }

        return Task.CompletedTask;
    }

    /// <summary>Asks the active dialog to say its question again.</summary>
    public async Task RepromptDialogAsync(CancellationToken cancellationToken)
    {
        if (ActiveDialog is { } active)
        {
            await Require(active.DialogId).RepromptAsync(this, active, cancellationToken);
        }
    }

    public Task<string?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken) =>
        Turn.SendAsync(message, cancellationToken);

    public Task<string?> SayAsync(string text, CancellationToken cancellationToken) =>
        Turn.SendAsync(OutgoingMessage.Plain(text), cancellationToken);

    public Dialog Require(string dialogId) =>
        Dialogs.Find(dialogId) ?? throw new UnknownDialogException(dialogId);
}

/// <summary>The stored stack names a dialog this version does not have (e.g. after a deployment).</summary>
public sealed class UnknownDialogException(string dialogId) : Exception($"No dialog '{dialogId}' in the set.")
{
    public string DialogId { get; } = dialogId;
}
