namespace SecretBot.Dialogs.Turns;

/// <summary>
/// A request for the référents' advice: the post for their channel, and what the person is told
/// once it is posted, or when the host refuses it (too many requests in a short time).
/// </summary>
public sealed record ReferentRequest(OutgoingMessage Post, OutgoingMessage Posted, OutgoingMessage Refused);
