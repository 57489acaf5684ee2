using SecretBot.Dialogs.Interruptions;

namespace SecretBot.Dialogs.Engine;

/// <summary>
/// A unit of conversation that can span turns (Bot Builder's Dialog): it begins, continues with
/// each new message, resumes when a child it started ends, and can be asked to repeat itself.
/// </summary>
public abstract class Dialog(string id)
{
    public string Id { get; } = id;

    /// <summary>Interviews say yes: "recommencer" restarts the innermost restartable dialog.</summary>
    public virtual bool IsRestartable => false;

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

    /// <summary>Whether this dialog has a previous question to go back to.</summary>
    public virtual bool CanGoBack(DialogInstance instance) => false;

    /// <summary>Asks the previous question again (only called when <see cref="CanGoBack"/> said yes).</summary>
    public virtual Task BackAsync(DialogContext context, DialogInstance instance, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>The help for the question being asked, or null to let an outer dialog answer.</summary>
    public virtual string? HelpFor(DialogContext context, DialogInstance instance) => null;

    /// <summary>An interruption the layer does not settle itself (language, country); true when handled.</summary>
    public virtual Task<bool> OnInterruptionAsync(DialogContext context, Interruption interruption,
        CancellationToken cancellationToken) =>
        Task.FromResult(false);
}
