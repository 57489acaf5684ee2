using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SecretBot.Dialogs.Engine;
using SecretBot.Dialogs.Interruptions;
using SecretBot.Dialogs.Prompts;
using SecretBot.Dialogs.State;
using SecretBot.Dialogs.Texts;
using SecretBot.Dialogs.Turns;

namespace SecretBot.Dialogs.Runtime;

/// <summary>
/// The turn loop (Bot Builder's DialogManager): load the conversation's state with its ETag, let
/// the interruption layer and then the active dialog (or the root) answer, save with
/// compare-and-set, and only then say what the turn said. On a conflict the turn runs once more on
/// fresh state; on a second, the person is asked to try again and the stored state is untouched.
/// </summary>
public sealed partial class DialogTurnRunner(
    DialogSet dialogs,
    string rootDialogId,
    IStateStore store,
    StateKeys keys,
    StateOptions options,
    EngineTexts texts,
    IPromptPresenter presenter,
    ILogger<DialogTurnRunner> logger)
{
    public const string CommandOption = "command";
    /// <summary>When the current store outage was noticed (a <see cref="Stopwatch"/> timestamp); 0 while the store answers.</summary>
    private long _downSince;

    public async Task<DialogTurnOutcome> RunAsync(IDialogTurn turn, CancellationToken cancellationToken)
    {
        var key = keys.Conversation(turn.Input.ConversationKey);
        var started = Stopwatch.GetTimestamp();
        try
        {
            for (var attempt = 0; attempt < 2; attempt++)
            {
                var stored = await store.ReadAsync(key, cancellationToken);
                var (buffer, state, fresh) = await RunOnceAsync(turn.Input, stored, cancellationToken);
                var written = await store.WriteAsync(key, DialogStateSerializer.Serialize(state), stored?.ETag,
                    options.ConversationTtl, cancellationToken);
                if (!written.Written)
                {
                    LogConflict(attempt + 1);
                    continue;
                }

                StoreIsBack(started);
                var remembered = await buffer.FlushAsync(turn, cancellationToken);
                await RememberAsync(key, state, written.ETag!, remembered, cancellationToken);
                return fresh ? DialogTurnOutcome.FreshStart : DialogTurnOutcome.Completed;
            }

            await turn.SendAsync(presenter.Notice(texts.Get("busy", turn.Input.Language), turn.Input.Language), cancellationToken);
            return DialogTurnOutcome.Busy;
        }
        catch (StateUnavailableException)
        {
            if (Interlocked.CompareExchange(ref _downSince, Stopwatch.GetTimestamp(), 0) == 0)
            {
                LogStoreDown();
            }

            await turn.SendAsync(presenter.Notice(texts.Get("stateUnavailable", turn.Input.Language), turn.Input.Language),
                cancellationToken);
            return DialogTurnOutcome.StateUnavailable;
        }
    }

    private async Task<(BufferedTurn Buffer, DialogState State, bool Fresh)> RunOnceAsync(DialogTurnInput input,
        StoredItem? stored, CancellationToken cancellationToken)
    {
        var state = stored is null ? new DialogState() : DialogStateSerializer.TryDeserialize(stored.Value);
        // An unreadable state, or a click on a card whose conversation has expired: say so, start afresh.
        var fresh = state is null || (stored is null && input.CardString(ChoiceRecognizer.PromptField) is not null);
        state ??= new DialogState();
        var buffer = new BufferedTurn(input);
        try
        {
            await RunDialogsAsync(input, state, buffer, fresh, cancellationToken);
        }
        catch (Exception exception) when (exception is UnknownDialogException or UnknownPromptException)
        {
            // The state names a dialog or question this version no longer has.
            LogStaleState(exception.GetType().Name);
            state = new DialogState();
            buffer = new BufferedTurn(input);
            fresh = true;
            await RunDialogsAsync(input, state, buffer, fresh, cancellationToken);
        }

        return (buffer, state, fresh);
    }

    private async Task RunDialogsAsync(DialogTurnInput input, DialogState state, BufferedTurn buffer, bool fresh,
        CancellationToken cancellationToken)
    {
        var context = new DialogContext(dialogs, state, buffer, texts, presenter);
        if (fresh)
        {
            await buffer.SendAsync(presenter.Notice(texts.Get("freshStart", input.Language), input.Language), cancellationToken);
        }

        var interruption = Interruption.Recognize(input, texts.Words);
        if (interruption is not null && state.Stack.Count > 0)
        {
            if (!await InterruptionLayer.HandleAsync(context, interruption, cancellationToken))
            {
                await context.BeginDialogAsync(rootDialogId, null, cancellationToken);
            }

            return;
        }

        var result = fresh && state.Stack.Count == 0
            ? DialogTurnResult.Empty
            : await context.ContinueDialogAsync(cancellationToken);
        if (result.Status == DialogTurnStatus.Empty)
        {
            var rootOptions = interruption is null ? null : new DialogValues().SetId(CommandOption, interruption.Kind.ToString());
            await context.BeginDialogAsync(rootDialogId, rootOptions, cancellationToken);
        }
    }

    /// <summary>Keeps the ids the channel gave to messages worth updating later; losing one to a race is harmless.</summary>
    private async Task RememberAsync(string key, DialogState state, string etag, IReadOnlyDictionary<string, string> remembered,
        CancellationToken cancellationToken)
    {
        if (remembered.Count == 0)
        {
            return;
        }

        foreach (var (name, id) in remembered)
        {
            state.Remembered.SetId(name, id);
        }

        await store.WriteAsync(key, DialogStateSerializer.Serialize(state), etag, options.ConversationTtl, cancellationToken);
    }

    /// <summary>
    /// Only a turn that began after the outage was noticed proves it over: one that began before may
    /// have written just before the store went down and only now get here, which would end the
    /// outage in the log while it goes on, and start a second one at the next failure.
    /// </summary>
    private void StoreIsBack(long turnStarted)
    {
        var downSince = Interlocked.Read(ref _downSince);
        if (downSince != 0 && turnStarted > downSince && Interlocked.CompareExchange(ref _downSince, 0, downSince) == downSince)
        {
            LogStoreBack();
        }
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Dialog state conflict on attempt {Attempt}")]
    private partial void LogConflict(int attempt);

    [LoggerMessage(EventId = 401, Level = LogLevel.Error, Message = "State store unreachable; turns answer with a service message until it is back")]
    private partial void LogStoreDown();

    [LoggerMessage(EventId = 402, Level = LogLevel.Information, Message = "State store reachable again")]
    private partial void LogStoreBack();

    [LoggerMessage(EventId = 403, Level = LogLevel.Warning, Message = "Stored dialog state no longer matches the dialogs ({Reason}); starting afresh")]
    private partial void LogStaleState(string reason);
}
