namespace SecretBot.Knowledge.Search;

/// <summary>
/// Folds the words of a synonym group into the group's first word: "flic", "policier" and "agent"
/// all count as "police". Phrases ("juge d'instruction") are folded before the text is split.
/// </summary>
internal sealed class SynonymFolding
{
    private readonly Dictionary<string, string> _stems = new(StringComparer.Ordinal);
    // Padded with spaces once here, so that folding a message allocates nothing per phrase.
    private readonly List<(string Phrase, string Word)> _phrases = [];

    public SynonymFolding(IEnumerable<IReadOnlyList<string>> groups)
    {
        foreach (var group in groups)
        {
            var head = FrenchText.Normalize(group[0]).Replace(' ', '_');
            var headStem = FrenchText.Stem(head);
            foreach (var word in group.Select(FrenchText.Normalize).Where(w => w.Length > 0))
            {
                if (word.Contains(' '))
                {
                    _phrases.Add(($" {word} ", $" {head} "));
                }
                else
                {
                    _stems[FrenchText.Stem(word)] = headStem;
                }
            }

            _stems[headStem] = headStem;
        }

        _phrases.Sort((a, b) => b.Phrase.Length.CompareTo(a.Phrase.Length));
    }

    public string Fold(string normalized)
    {
        if (_phrases.Count == 0 || normalized.Length == 0)
        {
            return normalized;
        }

        var padded = $" {normalized} ";
        foreach (var (phrase, word) in _phrases)
        {
            padded = padded.Replace(phrase, word, StringComparison.Ordinal);
        }

        return padded.Trim();
    }

    public string Canonical(string stem) => _stems.GetValueOrDefault(stem, stem);

    /// <summary>The synonym stems (all but the heads' own), for forgiving a typo on one of them.</summary>
    public IEnumerable<KeyValuePair<string, string>> Folded => _stems;
}
