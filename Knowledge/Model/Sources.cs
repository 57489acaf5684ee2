namespace SecretBot.Knowledge.Model;

/// <summary>A legal text cited by answers: the statute's own words, where to read it, and when it was last checked.</summary>
public sealed record Reference(
    string Id,
    LocalizedText Code,
    string Article,
    LocalizedText Title,
    string Text,
    Uri Url,
    DateOnly AppliesFrom,
    DateOnly LastChecked,
    string Source,
    LocalizedText? Note)
{
    /// <summary>"Code pénal, art. 458".</summary>
    public string Citation(string language) => $"{Code.In(language)}, art. {Article}";
}

/// <summary>Someone to talk to ("ne restez pas seul·e"): a colleague, a service, a helpline.</summary>
public sealed record Resource(string Id, LocalizedText Name, LocalizedText Description, string? Phone, Uri? Url);

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
}
