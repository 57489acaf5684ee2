using SecretBot.Dialogs.Turns;

namespace SecretBot.Dialogs.Engine;

/// <summary>How a prompt is asking: the first time (or again after help), after a reply it did not recognise, or after several.</summary>
public enum PromptAsk { Question, Retry, StartOver }

public enum RecognitionKind { Recognized, Stale, NotRecognized }

/// <summary>
/// What a reply to a prompt meant: recognised (with the value handed to the parent, and the
/// question's answered form to replace it with), a click on an older question, or nothing known.
/// </summary>
public sealed record PromptReply(RecognitionKind Kind, object? Value = null, OutgoingMessage? Answered = null)
{
    public static PromptReply NotRecognized { get; } = new(RecognitionKind.NotRecognized);

    public static PromptReply Stale { get; } = new(RecognitionKind.Stale);
}

/// <summary>
/// Asks one question and waits for a reply it recognises (Bot Builder's Prompt). The engine keeps
/// the prompt's options (ids only) and the number of misses; what the question says, and how a
/// reply is recognised, belong to the subclass. The question message is remembered, so that it can
/// be replaced by its answered form; after three misses the subclass is asked for a way out.
/// </summary>
public abstract class Prompt(string id) : Dialog(id)
{
    /// <summary>The name under which the question on screen is remembered.</summary>
    public const string QuestionMessage = "question";
    private const string MissesKey = "_misses";
    private const int MissesBeforeOffer = 3;

    public override async Task<DialogTurnResult> BeginAsync(DialogContext context, DialogValues? options,
        CancellationToken cancellationToken)
    {
        var instance = context.ActiveDialog!;
        foreach (var (key, value) in options?.All ?? [])
        {
            instance.Values.SetRaw(key, value);
        }

        await AskAsync(context, instance, PromptAsk.Question, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext context, CancellationToken cancellationToken)
    {
        var instance = context.ActiveDialog!;
        var reply = Recognize(context, instance);
        switch (reply.Kind)
        {
            case RecognitionKind.Recognized:
                // The question card becomes its answered form: the clicked card, or the last one sent.
                var target = context.Input.IsCardAction ? context.Input.ReplyToId : context.State.Remembered.GetId(QuestionMessage);
                context.State.Remembered.Remove(QuestionMessage);
                if (reply.Answered is { } answered && target is not null)
                {
                    await context.UpdateAsync(target, answered, cancellationToken);
                }

                return await context.EndDialogAsync(reply.Value, cancellationToken);
            case RecognitionKind.Stale:
                await context.NoticeAsync(EngineNotice.StaleCard, cancellationToken);
                await RepromptAsync(context, instance, cancellationToken);
                return DialogTurnResult.Waiting;
            default:
                var misses = (instance.Values.GetInt(MissesKey) ?? 0) + 1;
                instance.Values.SetInt(MissesKey, misses);
                await AskAsync(context, instance, misses >= MissesBeforeOffer ? PromptAsk.StartOver : PromptAsk.Retry, cancellationToken);
                return DialogTurnResult.Waiting;
        }
    }

    public override Task RepromptAsync(DialogContext context, DialogInstance instance, CancellationToken cancellationToken) =>
        AskAsync(context, instance, PromptAsk.Question, cancellationToken);

    /// <summary>The question, as this prompt asks it this time.</summary>
    protected abstract OutgoingMessage Ask(DialogContext context, DialogInstance instance, PromptAsk ask);

    /// <summary>What the reply in <see cref="DialogContext.Input"/> means.</summary>
    protected abstract PromptReply Recognize(DialogContext context, DialogInstance instance);

    private Task AskAsync(DialogContext context, DialogInstance instance, PromptAsk ask, CancellationToken cancellationToken) =>
        context.SendAsync(Ask(context, instance, ask) with { RememberAs = QuestionMessage }, cancellationToken);
}

/// <summary>The stored state names a question the prompt no longer knows (e.g. after a deployment).</summary>
public sealed class UnknownPromptException(string key) : Exception($"No prompt '{key}'.");
