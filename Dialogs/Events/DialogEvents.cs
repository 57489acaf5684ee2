using SecretBot.Dialogs.Engine;
using SecretBot.Dialogs.Turns;

namespace SecretBot.Dialogs.Events;

/// <summary>
/// Settles a command in front of every dialog (BotBuilder-Samples' CancelAndHelpDialog, once for
/// all): "annuler" drops everything; any other event goes to the dialogs from the innermost
/// outwards, and the first that takes it settles it. What none takes: help and back get a short
/// notice and the question again, restart starts the root afresh, anything else repeats the question.
/// </summary>
public static class DialogEvents
{
    /// <summary>Raises the event; returns false when the root dialog must begin afresh.</summary>
    public static async Task<bool> RaiseAsync(DialogContext context, DialogEvent dialogEvent, CancellationToken cancellationToken)
    {
        if (dialogEvent.Name == DialogEvent.Cancel)
        {
            await context.CancelAllDialogsAsync();
            await context.NoticeAsync(EngineNotice.Cancelled, cancellationToken);
            return true;
        }

        foreach (var instance in Enumerable.Reverse(context.State.Stack).ToList())
        {
            if (context.State.Stack.Contains(instance)
                && await context.Require(instance.DialogId).OnEventAsync(context, instance, dialogEvent, cancellationToken))
            {
                return true;
            }
        }

        switch (dialogEvent.Name)
        {
            case DialogEvent.Restart:
                await context.CancelAllDialogsAsync();
                return false;
            case DialogEvent.Help:
                await context.NoticeAsync(EngineNotice.NoHelp, cancellationToken);
                break;
            case DialogEvent.Back:
                await context.NoticeAsync(EngineNotice.FirstQuestion, cancellationToken);
                break;
        }

        await context.RepromptDialogAsync(cancellationToken);
        return true;
    }
}
