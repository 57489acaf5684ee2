using Stopwatch = System.Diagnostics.Stopwatch;
using Microsoft.Extensions.Logging;
using SecretBot.Protocol.Configuration;
using SecretBot.Protocol.Connector;
using SecretBot.Protocol.Schema;

namespace SecretBot.Protocol.Turns;

/// <summary>
/// Runs one authenticated activity as a turn: one at a time per conversation, once per activity
/// id, with a typing indicator when it is slow, and an apology instead of silence when it fails.
/// "One at a time" and "once" hold across instances when the turn order and the ledger are shared.
/// </summary>
public sealed partial class TurnProcessor(
    ITurnHandler handler,
    IConnectorClient connector,
    ConversationGate gate,
    ITurnOrder order,
    IActivityLedger ledger,
    BotOptions options,
    KeyedDigest digest,
    ILogger<TurnProcessor> logger)
{
    public async Task<InvokeResponse?> ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var type = TurnLog.TypeOf(activity);
        var conversation = digest.Tag(activity.Conversation?.Id);
        using var span = TurnTelemetry.Start(type);

        using var entered = await gate.EnterAsync(activity.Conversation!.Id!, cancellationToken);
        await using var ordered = await order.EnterAsync(activity.Conversation.Id!, cancellationToken);
        if (await ledger.FindAsync(activity, cancellationToken) is { } previous)
        {
            Ended(span, type, conversation, "duplicate", started);
            return previous.Response;
        }

        var turn = new ActivityTurn(activity, connector);
        var (response, outcome) = await RunAsync(turn, cancellationToken);
        if (activity.IsType(ActivityTypes.Invoke) && response is null)
        {
            (response, outcome) = (InvokeResponse.NotImplemented, "invoke-unhandled");
        }

        await ledger.MarkHandledAsync(activity, response, cancellationToken);
        Ended(span, type, conversation, outcome, started);
        return response;
    }

    /// <summary>The turn's log line and its metric say the same: type, outcome, latency (and, in the log only, the digest).</summary>
    private void Ended(System.Diagnostics.Activity? span, string type, string conversation, string outcome, long started)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        LogTurn(type, conversation, outcome, elapsed.TotalMilliseconds);
        TurnTelemetry.Ended(span, type, outcome, elapsed);
    }

    private async Task<(InvokeResponse? Response, string Outcome)> RunAsync(ActivityTurn turn, CancellationToken cancellationToken)
    {
        try
        {
            await using var typing = turn.Activity.IsType(ActivityTypes.Message)
                ? TypingIndicator.Start(turn, options.TypingDelay)
                : null;
            return (await handler.OnTurnAsync(turn, cancellationToken), "handled");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is ConnectorException or TokenUnavailableException)
        {
            // Not a fault of the turn: the connector refused or could not be reached after its retries
            // (already logged with the reason), or no token could be had. An apology would take the same
            // road and fail the same way. Both messages are the bot's own and quote no input.
            LogUndelivered(exception.Message);
            return (turn.Activity.IsType(ActivityTypes.Invoke) ? new InvokeResponse(200, null) : null, "undelivered");
        }
        catch (Exception exception)
        {
            // The exception's message may quote input; its type and stack are enough to find the fault.
            LogTurnFailed(exception.GetType().FullName ?? "Exception", exception.StackTrace ?? "");
            await ApologizeAsync(turn, cancellationToken);
            return (turn.Activity.IsType(ActivityTypes.Invoke) ? new InvokeResponse(200, null) : null, "failed");
        }
    }

    private async Task ApologizeAsync(ActivityTurn turn, CancellationToken cancellationToken)
    {
        try
        {
            await handler.OnTurnErrorAsync(turn, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogApologyFailed(exception.GetType().FullName ?? "Exception");
        }
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information,
        Message = "Turn {ActivityType} conversation={ConversationHash} outcome={Outcome} latencyMs={LatencyMs:F1}")]
    private partial void LogTurn(string activityType, string conversationHash, string outcome, double latencyMs);

    [LoggerMessage(EventId = 101, Level = LogLevel.Error,
        Message = "Turn failed with {ExceptionType}; the user got an apology.\n{StackTrace}")]
    private partial void LogTurnFailed(string exceptionType, string stackTrace);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Turn's replies not delivered: {Reason}")]
    private partial void LogUndelivered(string reason);

    [LoggerMessage(EventId = 102, Level = LogLevel.Error,
        Message = "Could not send the apology either ({ExceptionType}).")]
    private partial void LogApologyFailed(string exceptionType);
}
