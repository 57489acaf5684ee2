using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SecretBot.Dialogs.Runtime;

/// <summary>
/// What the turn runner tells the operators: a span per dialog turn, the turns by
/// <see cref="DialogTurnOutcome"/> (<c>secretbot.dialog.turns</c>) and the state store's outages
/// (<c>secretbot.state.outages</c>, <c>secretbot.state.outage.duration</c>). The meter and the
/// source are named "SecretBot" in every project of the bot, so the host exports them all by that
/// name. Only the BCL's System.Diagnostics: the engine takes no dependency on an exporter.
/// </summary>
internal static class DialogTelemetry
{
    public const string Name = "SecretBot";
    public const string TurnsName = "secretbot.dialog.turns";
    public const string OutagesName = "secretbot.state.outages";
    public const string OutageDurationName = "secretbot.state.outage.duration";

    private static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Turns = Meter.CreateCounter<long>(TurnsName, unit: "{turn}",
        description: "Dialog turns by outcome (completed, fresh_start, busy, state_unavailable)");

    private static readonly Counter<long> Outages = Meter.CreateCounter<long>(OutagesName, unit: "{outage}",
        description: "Times the state store became unreachable");

    private static readonly Histogram<double> OutageDuration = Meter.CreateHistogram<double>(OutageDurationName, unit: "s",
        description: "How long the state store stayed unreachable, from the first failed turn to the first turn saved after it");

    public static Activity? Start() => Source.StartActivity("dialog turn");

    /// <summary>Counts the outcome, tags the span with it and hands it back, for a <c>return</c>.</summary>
    public static DialogTurnOutcome Ended(Activity? span, DialogTurnOutcome outcome)
    {
        var tag = TagOf(outcome);
        Turns.Add(1, new KeyValuePair<string, object?>("outcome", tag));
        span?.SetTag("outcome", tag);
        return outcome;
    }

    public static void StoreDown() => Outages.Add(1);

    public static void StoreBack(TimeSpan downFor) => OutageDuration.Record(downFor.TotalSeconds);

    private static string TagOf(DialogTurnOutcome outcome) => outcome switch
    {
        DialogTurnOutcome.Completed => "completed",
        DialogTurnOutcome.FreshStart => "fresh_start",
        DialogTurnOutcome.Busy => "busy",
        DialogTurnOutcome.StateUnavailable => "state_unavailable",
        _ => "other",
    };
}
