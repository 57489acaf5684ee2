using SecretBot.Dialogs.Engine;

namespace SecretBot.Dialogs.Prompts;

/// <summary>
/// Asks one question and waits for an answer it recognises (Bot Builder's Prompt). It keeps only
/// the question's key and the number of misses; the wording comes from the catalog each turn.
/// </summary>
public abstract class Prompt(string id) : Dialog(id)
{
    public const string KeyOption = "key";
    public const string QuestionMessage = "question";
    private const string MissesKey = "_misses";
    private const int MissesBeforeOffer = 3;

    public override async Task<DialogTurnResult> BeginAsync(DialogContext context, DialogValues? options,
        CancellationToken cancellationToken)
    {
        var key = options?.GetId(KeyOption) ?? throw new ArgumentException($"Prompt '{Id}' needs a '{KeyOption}' option.");
        context.ActiveDialog!.Values.SetId(KeyOption, key);
        var prompt = OptionsFor(context, context.ActiveDialog);
        await context.SendAsync(context.Presenter.Question(prompt, context.Language), cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext context, CancellationToken cancellationToken)
    {
        var instance = context.ActiveDialog!;
        var prompt = OptionsFor(context, instance);
        var (outcome, value, chosen) = Recognize(context, prompt);
        switch (outcome)
        {
            case RecognitionKind.Recognized:
                await ShowAnsweredAsync(context, prompt, chosen, cancellationToken);
                return await context.EndDialogAsync(value, cancellationToken);
            case RecognitionKind.Stale:
                await context.SayAsync(context.Texts.Get("staleCard", context.Language), cancellationToken);
                await RepromptAsync(context, instance, cancellationToken);
                return DialogTurnResult.Waiting;
            default:
                var misses = (instance.Values.GetInt(MissesKey) ?? 0) + 1;
                instance.Values.SetInt(MissesKey, misses);
                var retry = misses >= MissesBeforeOffer
                    ? context.Presenter.StartOverOffer(prompt, context.Language, context.Texts.Get("startOverOffer", context.Language))
                    : context.Presenter.Retry(prompt, context.Language, context.Texts.Get("retryHint", context.Language));
                await context.SendAsync(retry, cancellationToken);
                return DialogTurnResult.Waiting;
        }
    }

    public override async Task RepromptAsync(DialogContext context, DialogInstance instance, CancellationToken cancellationToken) =>
        await context.SendAsync(context.Presenter.Question(OptionsFor(context, instance), context.Language), cancellationToken);

    public override string? HelpFor(DialogContext context, DialogInstance instance) => OptionsFor(context, instance).Help;

    /// <summary>The question as this prompt asks it (a yes/no prompt brings its own choices).</summary>
    protected virtual PromptOptions OptionsFor(DialogContext context, DialogInstance instance)
    {
        var key = instance.Values.GetId(KeyOption)!;
        return context.Dialogs.Prompts.Find(key, context.Language) ?? throw new UnknownPromptException(key);
    }

    /// <summary>What the reply means: recognised (with the value handed to the parent and the choice to show), stale or not.</summary>
    protected abstract (RecognitionKind Outcome, object? Value, Choice? Chosen) Recognize(DialogContext context, PromptOptions prompt);

    /// <summary>Replaces the question card by its answered form: the clicked card, or the last one sent.</summary>
    private static async Task ShowAnsweredAsync(DialogContext context, PromptOptions prompt, Choice? chosen,
        CancellationToken cancellationToken)
    {
        var target = context.Input.IsCardAction ? context.Input.ReplyToId : context.State.Remembered.GetId(QuestionMessage);
        context.State.Remembered.Remove(QuestionMessage);
        if (chosen is not null && target is not null)
        {
            await context.Turn.UpdateAsync(target, context.Presenter.Answered(prompt, chosen, context.Language), cancellationToken);
        }
    }
}

/// <summary>The stored state names a question the catalog no longer has (e.g. after a deployment).</summary>
public sealed class UnknownPromptException(string key) : Exception($"No prompt '{key}' in the catalog.");
