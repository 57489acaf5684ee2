using SecretBot.Knowledge.Model;

namespace SecretBot.Knowledge.Search;

public enum HitKind { Interview, Lookup }

/// <summary>An entry that matches a query: an interview (by its topic) or a look-up (by its id).</summary>
public sealed record SearchHit(HitKind Kind, string Id, double Score);

/// <summary>
/// Finds the interviews and look-ups a message is about. Everything is indexed once at start-up
/// (French and English together, as people mix them): weighted stems per entry, synonyms folded
/// into one stem, one typo forgiven on longer words.
/// </summary>
public sealed class KnowledgeSearch
{
    private const double KeywordWeight = 3;
    private const double TitleWeight = 2;
    private const double TextWeight = 1;

    // Urgent reflexes come first when their words are there (docs/conversation.md: no question before the
    // first useful answer); a topic's interview comes before a definition that shares its words.
    private const double UrgentBoost = 1.2;
    private const double InterviewBoost = 1.1;

    private readonly Dictionary<Jurisdiction, List<IndexedEntry>> _entries = [];
    private readonly Dictionary<string, double> _idf = new(StringComparer.Ordinal);
    private readonly SynonymFolding _synonyms;

    public KnowledgeSearch(KnowledgeBase knowledge)
    {
        _synonyms = new SynonymFolding(knowledge.Synonyms);
        foreach (var (jurisdiction, sources) in knowledge.Jurisdictions)
        {
            _entries[jurisdiction] = [.. sources.Interviews.Values.Select(Index), .. sources.Lookups.Select(Index)];
        }

        var all = _entries.Values.SelectMany(e => e).ToList();
        foreach (var stem in all.SelectMany(e => e.Weights.Keys).Distinct())
        {
            _idf[stem] = Math.Log(1 + (double)all.Count / all.Count(e => e.Weights.ContainsKey(stem)));
        }
    }

    /// <summary>The best entries for a query, best first; empty when nothing matches.</summary>
    public IReadOnlyList<SearchHit> Search(Jurisdiction jurisdiction, string? query, int max = 5) =>
        SearchStems(jurisdiction, Stems(query), max);

    /// <summary>The same search for a query already reduced to its <see cref="Stems(string?)"/>, so that routing stems a message once.</summary>
    public IReadOnlyList<SearchHit> SearchStems(Jurisdiction jurisdiction, IEnumerable<string> queryStems, int max = 5)
    {
        var stems = queryStems.Select(Forgive).Where(s => s is not null).Distinct().ToList();
        if (stems.Count == 0)
        {
            return [];
        }

        return _entries[jurisdiction]
            .Select(entry => new SearchHit(entry.Kind, entry.Id,
                entry.Boost * stems.Sum(stem => entry.Weights.GetValueOrDefault(stem!) * _idf.GetValueOrDefault(stem!))))
            .Where(hit => hit.Score > 0)
            .OrderByDescending(hit => hit.Score)
            .ThenBy(hit => hit.Id, StringComparer.Ordinal)
            .Take(max)
            .ToList();
    }

    /// <summary>The stems a text is reduced to, synonyms folded (public so routing can test words).</summary>
    public IEnumerable<string> Stems(string? text) => StemsOfNormalized(FrenchText.Normalize(text));

    /// <summary>The stems of a text already through <see cref="FrenchText.Normalize"/>.</summary>
    public IEnumerable<string> StemsOfNormalized(string normalized) =>
        FrenchText.Stems(_synonyms.Fold(normalized)).Select(_synonyms.Canonical);

    /// <summary>One word's stem, folded into its synonym group's (without the phrase folding of <see cref="Stems"/>): for aligned word-by-word reading.</summary>
    public string WordStem(string normalizedWord) => _synonyms.Canonical(FrenchText.Stem(normalizedWord));

    private const int ForgivenFrom = 7;

    /// <summary>
    /// A stem the index does not know, on a longer word (a stem of 7 letters or more), is read as the known
    /// stem one edit away, or as the group of the synonym one edit away ("gendarmrie" is "police").
    /// </summary>
    public string Forgive(string stem)
    {
        // Shorter stems are often real words the index does not know ("agress" is not "adress").
        if (_idf.ContainsKey(stem) || stem.Length < ForgivenFrom)
        {
            return stem;
        }

        var unknown = stem;
        return _idf.Keys.Where(known => Math.Abs(known.Length - unknown.Length) <= 1 && EditDistance.AtMostOne(unknown, known))
                .OrderByDescending(known => _idf[known])
                .FirstOrDefault()
            ?? _synonyms.Folded.Where(pair => pair.Key.Length >= ForgivenFrom && Math.Abs(pair.Key.Length - unknown.Length) <= 1 && EditDistance.AtMostOne(unknown, pair.Key))
                .Select(pair => pair.Value)
                .FirstOrDefault()
            ?? unknown;
    }

    private IndexedEntry Index(Interview interview)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        Add(weights, KeywordWeight, [.. interview.KeywordsFr, .. interview.KeywordsEn]);
        Add(weights, TitleWeight, [interview.Title.Fr, interview.Title.En, interview.Summary.Fr, interview.Summary.En]);
        return new IndexedEntry(HitKind.Interview, interview.Topic, weights, InterviewBoost);
    }

    private IndexedEntry Index(Lookup lookup)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        Add(weights, KeywordWeight, [.. lookup.KeywordsFr, .. lookup.KeywordsEn]);
        Add(weights, TitleWeight, [lookup.Title.Fr, lookup.Title.En]);
        Add(weights, TextWeight, [lookup.Body.Fr, lookup.Body.En]);
        return new IndexedEntry(HitKind.Lookup, lookup.Id, weights, lookup.Kind == LookupKind.Urgent ? UrgentBoost : 1);
    }

    private void Add(Dictionary<string, double> weights, double weight, IEnumerable<string> texts)
    {
        foreach (var stem in texts.SelectMany(Stems))
        {
            weights[stem] = Math.Max(weights.GetValueOrDefault(stem), weight);
        }
    }

    private sealed record IndexedEntry(HitKind Kind, string Id, Dictionary<string, double> Weights, double Boost);
}
