namespace SecretBot.Cards.Compose;

/// <summary>A topic offered as a button: its id (sent back) and its title (shown).</summary>
public sealed record TopicChoice(string Id, string Title);

/// <summary>"Question <see cref="Number"/> of <see cref="Total"/>".</summary>
public sealed record QuestionProgress
{
    public QuestionProgress(int number, int total)
    {
        if (total < 1 || number < 1 || number > total)
            throw new ArgumentOutOfRangeException(nameof(number), $"Progress {number} of {total} is impossible.");
        (Number, Total) = (number, total);
    }

    public int Number { get; }
    public int Total { get; }
    public bool IsFirst => Number == 1;
}

/// <summary>What the answer means for the person, which sets its colour and its symbol.</summary>
public enum VerdictKind { Good, Warning, Attention }

/// <summary>The one-line verdict of an answer card, e.g. (Warning, "Oui, à certaines conditions").</summary>
public sealed record VerdictLine(VerdictKind Kind, string Label);

/// <summary>
/// A legal reference: its citation and title, linked; whether it was checked at its source (and
/// what it replaces, for earlier facts); shown on demand, the statute's words when they were read
/// at the source, else the editors' summary; the penalty.
/// </summary>
public sealed record LegalReference(string Title, Uri? Url, string Status, string? StatuteText, string? Summary = null, string? Penalty = null);

/// <summary>Someone to talk to: a role or a service, what they are for and how to reach them, a link, their number.</summary>
public sealed record Contact(string Name, string? Detail, Uri? Url, string? Phone = null);
