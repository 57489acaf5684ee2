using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SecretBot.Dialogs.Engine;
using SecretBot.Dialogs.Events;
using SecretBot.Dialogs.State;
using SecretBot.Dialogs.Turns;

namespace SecretBot.Dialogs.Runtime;

/// <summary>
/// The turn loop (Bot Builder's DialogManager, with BotBuilder-Samples 42.scaleout's save-then-act):
/// load the conversation's state with its ETag, raise the turn's event or let the active dialog
/// (or the root) answer, collecting what the turn wants done; save with compare-and-set, and only
/// then apply those effects, in order. On a conflict the turn runs once more on fresh state, its
/// first effects dropped; on a second, the person is asked to try again, nothing is applied and the
/// stored state is untouched.
/// </summary>
public sealed partial class DialogTurnRunner(
    DialogSet dialogs,
    string rootDialogId,
    IStateStore store,
    StateOptions options,
    INoticePresenter notices,
    ILogger<DialogTurnRunner> logger)
{
    /// <summary>When the current store outage was noticed (a <see cref="Stopwatch"/> timestamp); 0 while the store answers.</summary>
    private long _downSince;

    /// <param name="stateKey">Where this conversation's state is kept (the host's digest of its id).</param>
    /// <param name="effects">Applies the turn's effects once its state is saved.</param>
    public async Task<DialogTurnOutcome> RunAsync(DialogTurnInput input, string stateKey, ITurnEffects effects,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = DialogTelemetry.Start();
        try
        {
            for (var attempt = 0; attempt < 2; attempt++)
            {
                var stored = await store.ReadAsync(stateKey, cancellationToken);
                var (context, fresh) = await RunOnceAsync(input, stored, cancellationToken);
                var written = await store.WriteAsync(stateKey, DialogStateSerializer.Serialize(context.State), stored?.ETag,
                    options.ConversationTtl, cancellationToken);
                if (!written.Written)
                {
                    LogConflict(attempt + 1);
                    continue;
                }

                StoreIsBack(started);
                var remembered = await ApplyAsync(context.Effects, effects, cancellationToken);
                await RememberAsync(stateKey, context.State, written.ETag!, remembered, cancellationToken);
                return DialogTelemetry.Ended(span, fresh ? DialogTurnOutcome.FreshStart : DialogTurnOutcome.Completed);
            }

            await effects.ApplyAsync(new SendMessage(notices.Notice(EngineNotice.Busy, input)), cancellationToken);
            return DialogTelemetry.Ended(span, DialogTurnOutcome.Busy);
        }
        catch (StateUnavailableException)
        {
            if (Interlocked.CompareExchange(ref _downSince, Stopwatch.GetTimestamp(), 0) == 0)
            {
                LogStoreDown();
                DialogTelemetry.StoreDown();
            }

            await effects.ApplyAsync(new SendMessage(notices.Notice(EngineNotice.StateUnavailable, input)), cancellationToken);
            return DialogTelemetry.Ended(span, DialogTurnOutcome.StateUnavailable);
        }
    }

    private async Task<(DialogContext Context, bool Fresh)> RunOnceAsync(DialogTurnInput input, StoredItem? stored,
        CancellationToken cancellationToken)
    {
        var state = stored is null ? new DialogState() : DialogStateSerializer.TryDeserialize(stored.Value);
        // An unreadable state, or a click on a question whose conversation has expired: say so, start afresh.
        var fresh = state is null || (stored is null && input.ContinuesConversation);
        var context = new DialogContext(dialogs, state ?? new DialogState(), input, notices);
        try
        {
            await RunDialogsAsync(context, fresh, cancellationToken);
        }
        catch (Exception exception) when (exception is UnknownDialogException or UnknownPromptException)
        {
            // The state names a dialog or question this version no longer has.
            LogStaleState(exception.GetType().Name);
            context = new DialogContext(dialogs, new DialogState(), input, notices);
            fresh = true;
            await RunDialogsAsync(context, fresh, cancellationToken);
        }

        return (context, fresh);
    }

    private async Task RunDialogsAsync(DialogContext context, bool fresh, CancellationToken cancellationToken)
    {
        if (fresh)
        {
            await context.NoticeAsync(EngineNotice.FreshStart, cancellationToken);
        }

        var raised = context.Input.Event;
        if (raised is not null && context.State.Stack.Count > 0)
        {
            if (!await DialogEvents.RaiseAsync(context, raised, cancellationToken))
            {
                await context.BeginDialogAsync(rootDialogId, null, cancellationToken);
            }

            return;
        }

        var result = fresh && context.State.Stack.Count == 0
            ? DialogTurnResult.Empty
            : await context.ContinueDialogAsync(cancellationToken);
        if (result.Status == DialogTurnStatus.Empty)
        {
            // A command said first thing begins the root, which reads it from the input's event (never stored: a
            // button's verb is the client's text).
            await context.BeginDialogAsync(rootDialogId, null, cancellationToken);
        }
    }

    /// <summary>Applies the effects in order; returns the ids the channel gave to messages worth updating later.</summary>
    private static async Task<Dictionary<string, string>> ApplyAsync(IReadOnlyList<TurnEffect> collected, ITurnEffects effects,
        CancellationToken cancellationToken)
    {
        var remembered = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var effect in collected)
        {
            var id = await effects.ApplyAsync(effect, cancellationToken);
            if (effect is SendMessage { Message.RememberAs: { } name } && id is not null)
            {
                remembered[name] = id;
            }
        }

        return remembered;
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
            DialogTelemetry.StoreBack(Stopwatch.GetElapsedTime(downSince));
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
