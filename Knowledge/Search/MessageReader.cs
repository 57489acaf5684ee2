using System.Text.RegularExpressions;
using SecretBot.Knowledge.Model;

namespace SecretBot.Knowledge.Search;

/// <summary>
/// Reads typed messages with routing.yaml's hints (<see cref="RoutingHints"/>):
/// <list type="bullet">
/// <item>a danger word after a negation in the same clause ("aucune menace", "pas de danger
/// immédiat", "plus de danger") is denied; "je ne sais pas", "pas sûr" are no negation;</item>
/// <item>a sentence with a past cue ("il y a dix ans", "autrefois") puts its danger words in the
/// past, but in a clause that says the danger goes on ("maintenant", "encore");</item>
/// <item>"il est encore là", "en ce moment" say the danger is happening now (they count as
/// "maintenant"); a time word after a negation ("pas urgent", "pas immédiat") is denied when it
/// follows the negation directly or the clause says a danger ("ne veut pas rentrer ce soir" is not);</item>
/// <item>the explicit question ("puis-je en parler à…", "suis-je tenue…", "dois-je signaler…") names
/// the topic, read through <see cref="QuestionForms"/>; the last one asked wins, as people ask at the end;</item>
/// <item>a word of six letters or more the knowledge does not know is read as the known word one
/// typo away ("gendarmrie").</item>
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
    private readonly List<string> _pastEndings;
    private readonly List<string> _dangerPhrases;
    private readonly string _dangerStem;
    private readonly List<(string Topic, string Phrase)> _questions;
    private readonly List<string> _whatToDo;
    private readonly HashSet<string> _urgency;
    private readonly QuestionForms _forms;
    private readonly List<string> _now;
    private readonly HashSet<string> _nowAlone;
    private readonly string _nowStem;

    public MessageReader(KnowledgeBase knowledge, KnowledgeSearch search)
    {
        _search = search;
        var routing = knowledge.Routing;
        _negations = routing.Negations.Select(FrenchText.Normalize).ToHashSet(StringComparer.Ordinal);
        _notNegations = routing.NotNegations.Select(FrenchText.Normalize).ToHashSet(StringComparer.Ordinal);
        _past = routing.Past.Select(p => FrenchText.Normalize(p.Replace("*", " xstarx ")).Split(' ')).ToList();
        _present = routing.Present.Select(FrenchText.Normalize).ToHashSet(StringComparer.Ordinal);
        _pastEndings = routing.PastEndings.Select(FrenchText.Normalize).ToList();
        _forms = new QuestionForms(routing.QuestionForms, routing.Clitics);
        // Every question form with every verb of a topic ("peut on" + "échanger"), besides the phrases written out.
        var verbPhrases = routing.QuestionVerbs.SelectMany(q => routing.QuestionForms.Keys
            .SelectMany(form => q.Value.Select(verb => (q.Key, $"{form} {verb}"))));
        _questions = routing.Questions.SelectMany(q => q.Value.Select(phrase => (q.Key, phrase))).Concat(verbPhrases)
            .Select(q => (q.Item1, $" {_forms.Rewrite(FrenchText.Normalize(q.Item2))} "))
            .Distinct().ToList();
        _whatToDo = routing.WhatToDo.Select(phrase => $" {FrenchText.Normalize(phrase)} ").Distinct().ToList();
        _now = routing.Now.Select(phrase => $" {FrenchText.Normalize(phrase)} ").ToList();
        _nowAlone = routing.NowAlone.Select(FrenchText.Normalize).ToHashSet(StringComparer.Ordinal);
        _nowStem = search.Stems("maintenant").Single();
        _urgency = routing.UrgentCues.GetValueOrDefault(Situations.Danger, []).SelectMany(cue => cue)
            .Where(word => word != Topics.Danger).SelectMany(search.Stems).ToHashSet(StringComparer.Ordinal);
        // Single words only: a phrase ("menace de mort") would leave a common word ("mort") behind.
        var worries = routing.Worries.SelectMany(search.Stems).ToHashSet(StringComparer.Ordinal);
        DangerStems = routing.Intents.GetValueOrDefault(Topics.Danger, []).Append(Topics.Danger)
            .Where(intent => !FrenchText.Normalize(intent).Contains(' '))
            .SelectMany(search.Stems)
            .Where(stem => !worries.Contains(stem))
            .ToHashSet(StringComparer.Ordinal);
        // The danger intents of several words ("se jeter", "menace de mort") say a danger as a whole phrase.
        _dangerPhrases = routing.Intents.GetValueOrDefault(Topics.Danger, [])
            .Select(FrenchText.Normalize).Where(intent => intent.Contains(' ')).Select(intent => $" {intent} ").ToList();
        _dangerStem = search.Stems(Topics.Danger).Single();
    }

    /// <summary>The stems that say a danger: the danger topic's one-word intents, "danger" and its synonyms, worries aside.</summary>
    public IReadOnlySet<string> DangerStems { get; }

    public MessageReading Read(string? text)
    {
        var clauses = new List<MessageReading.Clause>();
        var stems = new HashSet<string>(StringComparer.Ordinal);
        var affirmed = new HashSet<string>(StringComparer.Ordinal);
        var deniedOrPast = new HashSet<string>(StringComparer.Ordinal);
        var past = new HashSet<string>(StringComparer.Ordinal);
        string? asked = null;
        var askedAt = -1;
        int? askedClause = null;
        var position = 0;
        // Typos forgiven once per message (nothing typed is kept after the message is read).
        var forgiven = new Dictionary<string, string>(StringComparer.Ordinal);
        var sentenceIndex = -1;
        var pieces = SentenceBreak().Split(text ?? "");
        for (var piece = 0; piece < pieces.Length; piece += 2)
        {
            var sentence = pieces[piece];
            var question = piece + 1 < pieces.Length && pieces[piece + 1].Contains('?');
            sentenceIndex++;
            // "n'" is kept as "ne": normalising drops elisions, and "personne n'est en danger" needs it.
            var parts = ClauseBreak().Split(NegativeElision().Replace(sentence, "ne "))
                .Select(FrenchText.Normalize).Where(n => n.Length > 0).ToList();
            // "…, là" or "il est encore là": the danger is happening now.
            var nowSentence = parts.Any(part => _nowAlone.Contains(part) || _now.Any(phrase => $" {part} ".Contains(phrase, StringComparison.Ordinal)));
            // A past cue anywhere in the sentence ("…, c'était il y a dix ans") puts its danger words in the past,
            // except in a clause that says the danger goes on ("et maintenant il menace sa sœur").
            var pastSentence = parts.Any(part => IsPast(part.Split(' ')));
            foreach (var normalized in parts)
            {
                var words = normalized.Split(' ');
                var sequence = _search.StemsOfNormalized(normalized).Select(stem => Forgive(stem, forgiven)).ToList();
                var clauseStems = sequence.ToHashSet(StringComparer.Ordinal);
                if (nowSentence)
                {
                    clauseStems.Add(_nowStem);
                }

                if (_dangerPhrases.Any(phrase => $" {normalized} ".Contains(phrase, StringComparison.Ordinal)))
                {
                    clauseStems.Add(_dangerStem);
                }

                clauses.Add(new MessageReading.Clause(words, words.Select(_search.WordStem).ToList(), clauseStems, sequence)
                    { Sentence = sentenceIndex, InQuestion = question, InPast = pastSentence && !nowSentence && !words.Any(_present.Contains) });
                stems.UnionWith(clauseStems);
                // What says a danger, and how soon ("immédiat", "ce soir"): denied or past, neither counts.
                var dangers = clauseStems.Where(stem => DangerStems.Contains(stem) || _urgency.Contains(stem)).ToHashSet(StringComparer.Ordinal);
                if (dangers.Count > 0)
                {
                    var dangerSaid = clauseStems.Overlaps(DangerStems);
                    var saysPresent = nowSentence || words.Any(_present.Contains);
                    var denied = pastSentence && !saysPresent
                        ? dangers
                        : Denied(words)
                            .Where(d => dangers.Contains(d.Stem) && (DangerStems.Contains(d.Stem) || d.Rank == 0 || dangerSaid))
                            .Select(d => d.Stem)
                            .ToHashSet(StringComparer.Ordinal);
                    if (!saysPresent)
                    {
                        var pastTense = PastTense(words).Where(dangers.Contains).ToList();
                        denied.UnionWith(pastTense);
                        past.UnionWith(pastSentence ? dangers.Intersect(DangerStems) : pastTense);
                    }
                    deniedOrPast.UnionWith(denied);
                    affirmed.UnionWith(dangers.Except(denied));
                }

                var asking = $" {_forms.Rewrite(normalized)} ";
                foreach (var (topic, phrase) in _questions)
                {
                    var at = asking.LastIndexOf(phrase, StringComparison.Ordinal);
                    if (at >= 0 && position + at >= askedAt)
                    {
                        (asked, askedAt, askedClause) = (topic, position + at, clauses.Count - 1);
                    }
                }

                position += asking.Length;
            }
        }

        // A danger word said both ways ("pas de danger pour lui, mais danger pour sa sœur") stays present.
        deniedOrPast.ExceptWith(affirmed);
        past.ExceptWith(affirmed);
        var present = new HashSet<string>(stems, StringComparer.Ordinal);
        present.ExceptWith(deniedOrPast);
        var all = string.Join(' ', clauses.Select(c => string.Join(' ', c.Words)));
        return new MessageReading(all, clauses, stems, present, deniedOrPast.Order(StringComparer.Ordinal).ToList(), asked,
            _whatToDo.Any(phrase => $" {all} ".Contains(phrase, StringComparison.Ordinal))) { AskedClause = askedClause, PastDanger = past };
    }

    /// <summary>The stems within reach of a negation word, with their rank among the meaningful words after it (0: right after).</summary>
    private IEnumerable<(string Stem, int Rank)> Denied(string[] words)
    {
        for (var i = 0; i < words.Length; i++)
        {
            // "Personne n'est en danger", "rien ne menace": the subject carries the negation, "ne" marks it.
            var negation = _negations.Contains(words[i]) || (words[i] == "ne" && i > 0 && words[i - 1] is "personne" or "rien" or "nul" or "nobody");
            if (!negation || (i > 0 && _notNegations.Contains(words[i - 1]))
                || (i + 1 < words.Length && _notNegations.Contains(words[i + 1])))
            {
                continue;
            }

            var scope = string.Join(' ', words.Skip(i + 1).Take(NegationReach));
            var rank = 0;
            foreach (var stem in _search.StemsOfNormalized(scope))
            {
                yield return (_search.Forgive(stem), rank++);
            }
        }
    }

    /// <summary>The stems of the words written in a past tense ("frappait", "menaçaient"): a verb of six letters or more with a past ending.</summary>
    private IEnumerable<string> PastTense(string[] words) =>
        words.Where(word => word.Length >= 6 && _pastEndings.Any(ending => word.EndsWith(ending, StringComparison.Ordinal)))
            .Select(word => _search.Forgive(_search.WordStem(word)));

    private string Forgive(string stem, Dictionary<string, string> forgiven)
    {
        if (!forgiven.TryGetValue(stem, out var known))
        {
            forgiven[stem] = known = _search.Forgive(stem);
        }

        return known;
    }

    private bool IsPast(string[] words) => _past.Any(cue => Contains(words, cue));

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

    // The break is kept (captured) to know which sentences are questions.
    [GeneratedRegex(@"([.!?\n\r]+)")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\b[nN]['’]\s*")]
    private static partial Regex NegativeElision();

    // Clauses end at punctuation and before "mais", "parce que", "car", "avant", "après" / "but", "because": a negation
    // reaches no further, and the one a question is asked of is named in the question's own clause.
    [GeneratedRegex(@"[,;:()\[\]«»""]+|\s(?=(?:mais|cependant|car|puisque|parce|avant|apres|après|but|however|because|since|before|after)\s)", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBreak();
}
