using SecretBot.Dialogs.Engine;
using SecretBot.Dialogs.Prompts;

namespace SecretBot.Dialogs.Interruptions;

/// <summary>
/// One layer, in front of every dialog, that settles the commands a person may say at any step —
/// before the active dialog sees the message (BotBuilder-Samples' CancelAndHelpDialog, once for all).
/// </summary>
public static class InterruptionLayer
{
    /// <summary>Handles the interruption; returns false when the root dialog must begin afresh.</summary>
    public static async Task<bool> HandleAsync(DialogContext context, Interruption interruption, CancellationToken cancellationToken)
    {
        switch (interruption.Kind)
        {
            case InterruptionKind.Help:
                await HelpAsync(context, cancellationToken);
                return true;
            case InterruptionKind.Cancel:
                await context.CancelAllDialogsAsync();
                context.State.Remembered.Remove(Prompt.QuestionMessage);
                await context.SendAsync(context.Presenter.Notice(context.Texts.Get("cancelled", context.Language), context.Language),
                    cancellationToken);
                return true;
            case InterruptionKind.Restart:
                return await RestartAsync(context, cancellationToken);
            case InterruptionKind.Back:
                await BackAsync(context, cancellationToken);
                return true;
            default:
                return await RaiseAsync(context, interruption, cancellationToken);
        }
    }

    /// <summary>The help of the question on screen; with no question, the dialog that offers general help, else a short text.</summary>
    private static async Task HelpAsync(DialogContext context, CancellationToken cancellationToken)
    {
        var help = Enumerable.Reverse(context.State.Stack)
            .Select(instance => context.Require(instance.DialogId).HelpFor(context, instance))
            .FirstOrDefault(text => text is not null);
        if (help is null && await RaiseAsync(context, new Interruption(InterruptionKind.Help), cancellationToken, repromptWhenUnhandled: false))
        {
            return;
        }

        await context.SendAsync(context.Presenter.Help(null, help ?? context.Texts.Get("noHelp", context.Language), context.Language), cancellationToken);
        await context.RepromptDialogAsync(cancellationToken);
    }

    /// <summary>Starts the innermost restartable dialog (an interview) again, with the options it began with.</summary>
    private static async Task<bool> RestartAsync(DialogContext context, CancellationToken cancellationToken)
    {
        var stack = context.State.Stack;
        var index = stack.FindLastIndex(instance => context.Require(instance.DialogId).IsRestartable);
        context.State.Remembered.Remove(Prompt.QuestionMessage);
        if (index < 0)
        {
            await context.CancelAllDialogsAsync();
            return false;
        }

        var restarting = stack[index];
        var options = new DialogValues();
        foreach (var (key, value) in restarting.Values.All.Where(v => v.Key.StartsWith(WaterfallDialog.OptionsPrefix, StringComparison.Ordinal)))
        {
            options.SetRaw(key[WaterfallDialog.OptionsPrefix.Length..], value);
        }

        stack.RemoveRange(index, stack.Count - index);
        await context.BeginDialogAsync(restarting.DialogId, options, cancellationToken);
        return true;
    }

    /// <summary>The previous question again, from the innermost dialog that has one; other answers are kept.</summary>
    private static async Task BackAsync(DialogContext context, CancellationToken cancellationToken)
    {
        var stack = context.State.Stack;
        for (var index = stack.Count - 1; index >= 0; index--)
        {
            var instance = stack[index];
            var dialog = context.Require(instance.DialogId);
            if (dialog.CanGoBack(instance))
            {
                stack.RemoveRange(index + 1, stack.Count - index - 1);
                await dialog.BackAsync(context, instance, cancellationToken);
                return;
            }
        }

        await context.SayAsync(context.Texts.Get("firstQuestion", context.Language), cancellationToken);
        await context.RepromptDialogAsync(cancellationToken);
    }

    /// <summary>Language and country belong to the product: the innermost dialog that takes them settles them.</summary>
    private static async Task<bool> RaiseAsync(DialogContext context, Interruption interruption, CancellationToken cancellationToken,
        bool repromptWhenUnhandled = true)
    {
        foreach (var instance in Enumerable.Reverse(context.State.Stack).ToList())
        {
            if (await context.Require(instance.DialogId).OnInterruptionAsync(context, interruption, cancellationToken))
            {
                return true;
            }
        }

        if (!repromptWhenUnhandled)
        {
            return false;
        }

        await context.RepromptDialogAsync(cancellationToken);
        return true;
    }
}
