using SecretBot.Dialogs.Turns;

namespace SecretBot.Conversations.Effects;

/// <summary>A turn effect: one 👍 or 👎 on an answer (<see cref="AnswerFeedback"/>).</summary>
/// <param name="Outcome">"topic.outcome", e.g. "share.consent_needed".</param>
/// <param name="Rating">"up" or "down".</param>
public sealed record CountVote(string Outcome, string Rating) : TurnEffect;
