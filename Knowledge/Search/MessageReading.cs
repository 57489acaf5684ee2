namespace SecretBot.Knowledge.Search;

/// <summary>
/// A typed message, read once: its clauses (split at punctuation and at "mais"), the words and
/// stems of each, the danger words it denies or puts in the past, and the topic whose question it
/// asks outright. Built by <see cref="MessageReader"/>.
/// </summary>
public sealed class MessageReading
{
    internal MessageReading(string normalized, IReadOnlyList<Clause> clauses, HashSet<string> stems, HashSet<string> present,
        IReadOnlyList<string> deniedOrPast, string? askedTopic, bool asksWhatToDo)
    {
        AsksWhatToDo = asksWhatToDo;
        Normalized = normalized;
        Clauses = clauses;
        Stems = stems;
        PresentStems = present;
        DeniedOrPastDanger = deniedOrPast;
        AskedTopic = askedTopic;
    }

    /// <summary>The whole message through <see cref="FrenchText.Normalize"/>.</summary>
    public string Normalized { get; }

    /// <summary><see cref="Normalized"/> with a space at each end, to look for whole words and phrases.</summary>
    public string Padded => _padded ??= $" {Normalized} ";

    private string? _padded;

    public IReadOnlyList<Clause> Clauses { get; }

    /// <summary>Every stem of the message, synonyms folded.</summary>
    public HashSet<string> Stems { get; }

    /// <summary>The stems, less the danger words that only appear denied ("aucun danger") or in the past ("il y a dix ans").</summary>
    public HashSet<string> PresentStems { get; }

    /// <summary>The danger stems that were taken out of <see cref="PresentStems"/>.</summary>
    public IReadOnlyList<string> DeniedOrPastDanger { get; }

    /// <summary>The danger stems said only in the past ("il y a dix ans", "il la frappait"), not denied.</summary>
    public IReadOnlySet<string> PastDanger { get; init; } = new HashSet<string>();

    /// <summary>The topic whose question the message asks outright (the last one asked), or null.</summary>
    public string? AskedTopic { get; }

    /// <summary>The clause in which <see cref="AskedTopic"/>'s question is asked, when one is.</summary>
    public int? AskedClause { get; init; }

    /// <summary>Whether the message asks what to do ("que faire ?", "je fais quoi ?").</summary>
    public bool AsksWhatToDo { get; }

    /// <summary>Whether a danger word is said in the present, not denied.</summary>
    public bool SaysPresentDanger(IReadOnlySet<string> dangerStems) => PresentStems.Overlaps(dangerStems);

    /// <summary>
    /// One clause: its normalised words, the stem of each word (same positions), and its meaningful
    /// stems in order (phrases and synonyms folded, typos forgiven) and as a set.
    /// </summary>
    public sealed record Clause(IReadOnlyList<string> Words, IReadOnlyList<string> WordStems, IReadOnlySet<string> Stems, IReadOnlyList<string> Sequence)
    {
        /// <summary>The sentence the clause belongs to (0 first).</summary>
        public int Sentence { get; init; }

        /// <summary>Whether the clause's sentence ends with a question mark.</summary>
        public bool InQuestion { get; init; }

        /// <summary>Whether the clause's sentence is in the past ("le mois dernier") and the clause does not bring it back.</summary>
        public bool InPast { get; init; }

        /// <summary>The clause's words as one normalised text, with a space at each end.</summary>
        public string Padded => _padded ??= $" {string.Join(' ', Words)} ";

        private string? _padded;
    }
}
