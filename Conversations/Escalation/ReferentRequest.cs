using SecretBot.Dialogs.Turns;

namespace SecretBot.Conversations.Escalation;

/// <summary>
/// A request for the référents' advice, as a turn effect: the post for their channel, and what the
/// person is told once it is posted, or when it is refused (another organisation, too many requests
/// in a short time). Whether it may be posted is decided when the effect is applied.
/// </summary>
public sealed record ReferentRequest(OutgoingMessage Post, OutgoingMessage Posted, OutgoingMessage Refused) : TurnEffect;
