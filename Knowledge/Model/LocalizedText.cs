namespace SecretBot.Knowledge.Model;

/// <summary>A text a person reads, in French and English (both are required by the validator), typeset as printed (<see cref="Typography"/>).</summary>
public sealed record LocalizedText
{
    public LocalizedText(string fr, string en)
    {
        Fr = Typography.French(fr);
        En = Typography.English(en);
    }

    public string Fr { get; }

    public string En { get; }

    public string In(Language language) => language == Language.En ? En : Fr;

    public override string ToString() => Fr;
}

public enum Jurisdiction { BE, FR }

public static class Topics
{
    public const string Bound = "bound";
    public const string Share = "share";
    public const string Police = "police";
    public const string Danger = "danger";

    public static readonly IReadOnlyList<string> All = [Bound, Share, Police, Danger];
}

/// <summary>The verdict a person in a hurry can act on.</summary>
public enum Verdict
{
    /// <summary>Oui.</summary>
    Yes,

    /// <summary>Non.</summary>
    No,

    /// <summary>Oui, à conditions.</summary>
    YesIf,

    /// <summary>Vous devez…</summary>
    Must,

    /// <summary>Vous pouvez, sans y être obligé·e.</summary>
    May,

    /// <summary>Vous ne pouvez pas…</summary>
    MustNot,
}
