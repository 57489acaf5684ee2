namespace SecretBot.Knowledge.Model;

/// <summary>The whole rule base: both jurisdictions, validated, with its version.</summary>
/// <param name="Synonyms">Groups of words people use for the same thing (flic, policier, agent…); the first names the group.</param>
/// <param name="Routing">Intent phrases per topic and urgency cues per situation (routing.yaml).</param>
public sealed record KnowledgeBase(
    KnowledgeVersion Version,
    IReadOnlyDictionary<Jurisdiction, JurisdictionKnowledge> Jurisdictions,
    IReadOnlyList<IReadOnlyList<string>> Synonyms,
    RoutingHints Routing)
{
    public JurisdictionKnowledge this[Jurisdiction jurisdiction] => Jurisdictions[jurisdiction];

    public Interview Interview(Jurisdiction jurisdiction, string topic) =>
        Jurisdictions[jurisdiction].Interviews.TryGetValue(topic, out var interview)
            ? interview
            : throw new ArgumentException($"No interview '{topic}' for {jurisdiction}.", nameof(topic));
}

/// <summary>What routes a message besides its keywords: intent phrases per topic, urgency cues (word sets) per situation.</summary>
public sealed record RoutingHints(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Intents,
    IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> UrgentCues)
{
    public static RoutingHints None { get; } = new(new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>());
}
