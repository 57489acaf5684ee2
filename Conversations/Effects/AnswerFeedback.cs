using System.Diagnostics.Metrics;

namespace SecretBot.Conversations.Effects;

/// <summary>
/// 👍 / 👎 on answer cards, counted per outcome (metric <c>secretbot.answer.feedback</c>, tags
/// <c>outcome</c> and <c>rating</c>). Nothing else about the person or the conversation is kept.
/// </summary>
public static class AnswerFeedback
{
    public const string MeterName = "SecretBot";
    public const string InstrumentName = "secretbot.answer.feedback";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Counter = Meter.CreateCounter<long>(InstrumentName, description: "Useful / not useful votes per answer outcome");

    public static void Record(string outcome, string rating) =>
        Counter.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("rating", rating));
}
