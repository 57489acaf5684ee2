namespace SecretBot.Knowledge.Model;

/// <summary>The whole rule base: both jurisdictions, validated, with its version.</summary>
/// <param name="Synonyms">Groups of words people use for the same thing (flic, policier, agent…); the first names the group.</param>
public sealed record KnowledgeBase(
    KnowledgeVersion Version,
    IReadOnlyDictionary<Jurisdiction, JurisdictionKnowledge> Jurisdictions,
    IReadOnlyList<IReadOnlyList<string>> Synonyms)
{
    public JurisdictionKnowledge this[Jurisdiction jurisdiction] => Jurisdictions[jurisdiction];

    public Interview Interview(Jurisdiction jurisdiction, string topic) =>
        Jurisdictions[jurisdiction].Interviews.TryGetValue(topic, out var interview)
            ? interview
            : throw new ArgumentException($"No interview '{topic}' for {jurisdiction}.", nameof(topic));
}
