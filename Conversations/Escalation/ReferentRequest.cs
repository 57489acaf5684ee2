using SecretBot.Cards.Catalog;
using SecretBot.Dialogs.Turns;
using SecretBot.Knowledge.Model;

namespace SecretBot.Conversations.Escalation;

/// <summary>
/// A request for the référents' advice, as a turn effect: the post for their channel, and what the
/// person is told once it is posted, or when it is refused (another organisation, too many requests
/// in a short time). Whether it may be posted is decided when the effect is applied; once posted,
/// the request is kept (<see cref="ReferentRequests"/>) so that its requester can be told who takes it.
/// </summary>
/// <param name="RequestId">A random id, carried by the post's « Je m’en occupe ».</param>
public sealed record ReferentRequest(string RequestId, OutgoingMessage Post, OutgoingMessage Posted, OutgoingMessage Refused) : TurnEffect;

/// <summary>
/// A référent's « Je m’en occupe », as a turn effect: the request is taken once, its requester told
/// in their personal chat (in their language), and the post redrawn for everyone with what happened.
/// </summary>
/// <param name="Posts">The post as it reads after each <see cref="ReferentPostStatus"/> but Open.</param>
/// <param name="Notices">What the requester is told, in each language.</param>
public sealed record TakeReferentRequest(string RequestId, IReadOnlyDictionary<ReferentPostStatus, OutgoingMessage> Posts,
    IReadOnlyDictionary<Language, OutgoingMessage> Notices) : TurnEffect;
