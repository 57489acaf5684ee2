using System.Text.RegularExpressions;
using SecretBot.Knowledge.Model;

namespace SecretBot.Knowledge.Search;

/// <summary>
/// Reads typed messages with routing.yaml's hints (<see cref="RoutingHints"/>):
/// <list type="bullet">
/// <item>a danger word after a negation in the same clause ("aucune menace", "pas de danger
/// immédiat", "plus de danger") is denied; "je ne sais pas", "pas sûr" are no negation;</item>
/// <item>a clause with a past cue ("il y a dix ans", "autrefois") and no present cue ("maintenant",
/// "encore") puts its danger words in the past;</item>
/// <item>the explicit question ("puis-je en parler à…", "suis-je tenue…", "dois-je signaler…") names
/// the topic; the last one asked wins, as people ask at the end.</item>
/// </list>
/// </summary>
public sealed partial class MessageReader
{
    /// <summary>A negation reaches this many words after it, within its clause.</summary>
    private const int NegationReach = 6;

    private readonly KnowledgeSearch _search;
    private readonly HashSet<string> _negations;
    private readonly HashSet<string> _notNegations;
    private readonly List<string[]> _past;
    private readonly HashSet<string> _present;
    private readonly List<(string Topic, string Phrase)> _questions;

    public MessageReader(KnowledgeBase knowledge, KnowledgeSearch search)
    {
        _search = search;
        var routing = knowledge.Routing;
        _negations = routing.Negations.Select(FrenchText.Normalize).ToHashSet(StringComparer.Ordinal);
        _notNegations = routing.NotNegations.Select(FrenchText.Normalize).ToHashSet(StringComparer.Ordinal);
        _past = routing.Past.Select(p => FrenchText.Normalize(p.Replace("*", " xstarx ")).Split(' ')).ToList();
        _present = routing.Present.Select(FrenchText.Normalize).ToHashSet(StringComparer.Ordinal);
        _questions = routing.Questions.SelectMany(q => q.Value.Select(phrase => (q.Key, $" {FrenchText.Normalize(phrase)} "))).ToList();
        DangerStems = routing.Intents.GetValueOrDefault(Topics.Danger, [])
            .Concat(routing.UrgentCues.GetValueOrDefault(Situations.Danger, []).SelectMany(cue => cue))
            .SelectMany(search.Stems)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The stems that say a danger (the danger intents and the urgent danger cues).</summary>
    public IReadOnlySet<string> DangerStems { get; }

    public MessageReading Read(string? text)
    {
        var clauses = new List<MessageReading.Clause>();
        var stems = new HashSet<string>(StringComparer.Ordinal);
        var affirmed = new HashSet<string>(StringComparer.Ordinal);
        var deniedOrPast = new HashSet<string>(StringComparer.Ordinal);
        string? asked = null;
        var askedAt = -1;
        var position = 0;
        foreach (var part in ClauseBreak().Split(text ?? ""))
        {
            var normalized = FrenchText.Normalize(part);
            if (normalized.Length == 0)
            {
                continue;
            }

            var words = normalized.Split(' ');
            clauses.Add(new MessageReading.Clause(words, words.Select(_search.WordStem).ToList()));
            var clauseStems = _search.StemsOfNormalized(normalized).ToHashSet(StringComparer.Ordinal);
            stems.UnionWith(clauseStems);
            var dangers = clauseStems.Where(DangerStems.Contains).ToHashSet(StringComparer.Ordinal);
            if (dangers.Count > 0)
            {
                var denied = IsPast(words) ? dangers : Denied(words).Where(dangers.Contains).ToHashSet(StringComparer.Ordinal);
                deniedOrPast.UnionWith(denied);
                affirmed.UnionWith(dangers.Except(denied));
            }

            foreach (var (topic, phrase) in _questions)
            {
                var at = $" {normalized} ".LastIndexOf(phrase, StringComparison.Ordinal);
                if (at >= 0 && position + at >= askedAt)
                {
                    (asked, askedAt) = (topic, position + at);
                }
            }

            position += normalized.Length + 1;
        }

        // A danger word said both ways ("pas de danger pour lui, mais danger pour sa sœur") stays present.
        deniedOrPast.ExceptWith(affirmed);
        var present = new HashSet<string>(stems, StringComparer.Ordinal);
        present.ExceptWith(deniedOrPast);
        return new MessageReading(string.Join(' ', clauses.Select(c => string.Join(' ', c.Words))), clauses, stems, present,
            deniedOrPast.Order(StringComparer.Ordinal).ToList(), asked);
    }

    /// <summary>The stems within reach of a negation word.</summary>
    private IEnumerable<string> Denied(string[] words)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (!_negations.Contains(words[i]) || (i > 0 && _notNegations.Contains(words[i - 1]))
                || (i + 1 < words.Length && _notNegations.Contains(words[i + 1])))
            {
                continue;
            }

            var scope = string.Join(' ', words.Skip(i + 1).Take(NegationReach));
            foreach (var stem in _search.StemsOfNormalized(scope))
            {
                yield return stem;
            }
        }
    }

    private bool IsPast(string[] words) =>
        !words.Any(_present.Contains) && _past.Any(cue => Contains(words, cue));

    /// <summary>Whether the words hold the cue's words in a row; "xstarx" stands for any one word.</summary>
    private static bool Contains(string[] words, string[] cue)
    {
        for (var start = 0; start + cue.Length <= words.Length; start++)
        {
            var matched = true;
            for (var k = 0; k < cue.Length && matched; k++)
            {
                matched = cue[k] == "xstarx" || words[start + k] == cue[k];
            }

            if (matched)
            {
                return true;
            }
        }

        return false;
    }

    // Clauses end at punctuation and before "mais" / "but": a negation reaches no further.
    [GeneratedRegex(@"[.,;:!?\n\r()\[\]«»""]+|\s(?=mais\s)|\s(?=but\s)|\s(?=cependant\s)|\s(?=however\s)", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBreak();
}
