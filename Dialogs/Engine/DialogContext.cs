using SecretBot.Dialogs.Turns;

namespace SecretBot.Dialogs.Engine;

/// <summary>
/// The dialog stack of one conversation during one turn, and the operations that move it (Bot
/// Builder's DialogContext): begin, continue, end, cancel, reprompt. What the turn wants done
/// outside its state is only collected here (<see cref="Effects"/>): the runner applies it once
/// the state is saved.
/// </summary>
public sealed class DialogContext(DialogSet dialogs, DialogState state, DialogTurnInput input, INoticePresenter notices)
{
    private readonly List<TurnEffect> _effects = [];

    public DialogSet Dialogs { get; } = dialogs;

    public DialogState State { get; } = state;

    public DialogTurnInput Input { get; } = input;

    public DialogInstance? ActiveDialog => State.Active;

    /// <summary>What the turn wants done, in order; applied only after its state is saved.</summary>
    public IReadOnlyList<TurnEffect> Effects => _effects;

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

    public Task<DialogTurnResult> CancelAllDialogsAsync()
    {
        State.Stack.Clear();
        State.Remembered.Remove(Prompt.QuestionMessage);
        return Task.FromResult(DialogTurnResult.Cancelled);
    }

    /// <summary>Ends every dialog above <paramref name="instance"/>, which becomes the active one.</summary>
    public Task CancelAboveAsync(DialogInstance instance)
    {
        var index = State.Stack.IndexOf(instance);
        if (index >= 0 && index < State.Stack.Count - 1)
        {
            State.Stack.RemoveRange(index + 1, State.Stack.Count - index - 1);
            State.Remembered.Remove(Prompt.QuestionMessage);
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

    /// <summary>Says something once the turn is saved; the id the channel gives it is not known during the turn.</summary>
    public Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken) => ApplyAsync(new SendMessage(message), cancellationToken);

    public Task SayAsync(string text, CancellationToken cancellationToken) => SendAsync(OutgoingMessage.Plain(text), cancellationToken);

    /// <summary>Replaces a message sent earlier, once the turn is saved.</summary>
    public Task UpdateAsync(string messageId, OutgoingMessage message, CancellationToken cancellationToken) =>
        ApplyAsync(new UpdateMessage(messageId, message), cancellationToken);

    /// <summary>Adds an effect of the host's (a preference, a count, a post) to those applied once the turn is saved.</summary>
    public Task ApplyAsync(TurnEffect effect, CancellationToken cancellationToken)
    {
        _effects.Add(effect);
        return Task.CompletedTask;
    }

    public Task NoticeAsync(EngineNotice notice, CancellationToken cancellationToken) =>
        SendAsync(notices.Notice(notice, Input), cancellationToken);

    public Dialog Require(string dialogId) =>
        Dialogs.Find(dialogId) ?? throw new UnknownDialogException(dialogId);
}

/// <summary>The stored stack names a dialog this version does not have (e.g. after a deployment).</summary>
public sealed class UnknownDialogException(string dialogId) : Exception($"No dialog '{dialogId}' in the set.")
{
    public string DialogId { get; } = dialogId;
}
