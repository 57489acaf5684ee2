using SecretBot.Dialogs.Events;

namespace SecretBot.Dialogs.Engine;

/// <summary>
/// A unit of conversation that can span turns (Bot Builder's Dialog): it begins, continues with
/// each new message, resumes when a child it started ends, can be asked to repeat itself, and may
/// take an event (a command, a button) raised while it is on the stack.
/// </summary>
public abstract class Dialog(string id)
{
    public string Id { get; } = id;

    public abstract Task<DialogTurnResult> BeginAsync(DialogContext context, DialogValues? options,
        CancellationToken cancellationToken);

    /// <summary>A new message while this dialog is the active one.</summary>
    public virtual Task<DialogTurnResult> ContinueAsync(DialogContext context, CancellationToken cancellationToken) =>
        context.EndDialogAsync(null, cancellationToken);

    /// <summary>A child this dialog started has ended with <paramref name="result"/>.</summary>
    public virtual Task<DialogTurnResult> ResumeAsync(DialogContext context, object? result,
        CancellationToken cancellationToken) =>
        context.EndDialogAsync(result, cancellationToken);

    /// <summary>Say the current question again (after help, or a click on a stale card).</summary>
    public virtual Task RepromptAsync(DialogContext context, DialogInstance instance, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>
    /// An event raised while this dialog is on the stack, offered from the innermost dialog
    /// outwards (<see cref="DialogEvents"/>); true when this dialog settled it.
    /// </summary>
    public virtual Task<bool> OnEventAsync(DialogContext context, DialogInstance instance, DialogEvent dialogEvent,
        CancellationToken cancellationToken) =>
        Task.FromResult(false);
}
