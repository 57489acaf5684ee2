namespace SecretBot.Knowledge.Model;

/// <summary>Someone to talk to ("ne restez pas seul·e"): a colleague, a service, a helpline.</summary>
public sealed record Resource(string Id, LocalizedText Name, LocalizedText Description, string? Phone, Uri? Url, Verification? Verified = null);

public enum LookupKind { Definition, Quick, Urgent }

public static class Situations
{
    public const string PolicePhone = "police_phone";
    public const string Summons = "summons";
    public const string Danger = "danger";

    public static readonly IReadOnlyList<string> All = [PolicePhone, Summons, Danger];
}

/// <summary>A definition, a quick answer, or the reflexes for an urgent situation.</summary>
public sealed record Lookup(
    string Id,
    LookupKind Kind,
    LocalizedText Title,
    LocalizedText Body,
    IReadOnlyList<LocalizedText> KeyPoints,
    IReadOnlyList<string> KeywordsFr,
    IReadOnlyList<string> KeywordsEn,
    IReadOnlyList<string> ReferenceIds,
    IReadOnlyList<string> ResourceIds,
    string? Situation,
    string? FollowUpTopic);

public sealed record KnowledgeVersion(string Version, DateOnly Date);

/// <summary>Everything known for one jurisdiction.</summary>
public sealed record JurisdictionKnowledge(
    Jurisdiction Jurisdiction,
    IReadOnlyDictionary<string, Interview> Interviews,
    IReadOnlyDictionary<string, Reference> References,
    IReadOnlyDictionary<string, Resource> Resources,
    IReadOnlyList<Lookup> Lookups)
{
    public Lookup Urgent(string situation) => Lookups.First(l => l.Kind == LookupKind.Urgent && l.Situation == situation);

    /// <summary>The references <paramref name="reference"/> replaced: cited beside it, for facts before it applied.</summary>
    public IReadOnlyList<Reference> Predecessors(Reference reference) =>
        References.Values.Where(r => r.ReplacedBy == reference.Id).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
}
