using System.Diagnostics;
using System.Diagnostics.Metrics;
using SecretBot.Protocol.Telemetry;

namespace SecretBot.Protocol.Turns;

/// <summary>
/// A span per turn and the histogram of turn durations (<c>secretbot.turn.duration</c>, its count
/// being the turns by outcome), tagged as the turn's log line is: the activity type from
/// <see cref="TurnLog"/>'s closed list and the outcome. Never an id, never a word of the activity.
/// </summary>
internal static class TurnTelemetry
{
    public const string DurationName = "secretbot.turn.duration";

    private static readonly Histogram<double> Duration = ProtocolTelemetry.Meter.CreateHistogram<double>(DurationName, unit: "s",
        description: "Turns from arrival to the last reply, by activity type and outcome",
        advice: new InstrumentAdvice<double>
        {
            // Turns take milliseconds; Teams re-sends an activity unanswered after 15 s.
            HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30],
        });

    public static Activity? Start(string activityType)
    {
        var span = ProtocolTelemetry.Source.StartActivity("turn");
        if (span is not null)
        {
            span.DisplayName = $"turn {activityType}";
            span.SetTag("activity.type", activityType);
        }

        return span;
    }

    /// <param name="outcome">handled, duplicate, failed, undelivered or invoke-unhandled (<see cref="TurnProcessor"/>).</param>
    public static void Ended(Activity? span, string activityType, string outcome, TimeSpan elapsed)
    {
        Duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("activity.type", activityType),
            new KeyValuePair<string, object?>("outcome", outcome));
        if (span is not null)
        {
            span.SetTag("outcome", outcome);
            if (outcome is "failed" or "undelivered")
            {
                span.SetStatus(ActivityStatusCode.Error);
            }
        }
    }
}
