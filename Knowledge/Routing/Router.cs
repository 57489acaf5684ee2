using System.Collections.Concurrent;
using SecretBot.Knowledge.Model;
using SecretBot.Knowledge.Search;

namespace SecretBot.Knowledge.Routing;

public enum RouteKind { Welcome, Urgent, Lookup, Interview, Unsure }

/// <summary>
/// Where a typed message goes: the urgent reflexes, a look-up, an interview (with what it already
/// answers, and whether it also mentions a present danger), or a choice of topics.
/// </summary>
public sealed record Route(RouteKind Kind, string? Id, IReadOnlyDictionary<string, string> Prefill, IReadOnlyList<string> Topics,
    bool DangerCue = false)
{
    public static Route To(RouteKind kind, string? id = null) => new(kind, id, new Dictionary<string, string>(), []);
}

/// <summary>
/// Routes free text with the knowledge's search: urgent words first, then the question the message
/// asks outright, then the best topic or look-up when it clearly leads, else the two or three
/// likeliest topics as buttons — never a silent guess. Danger words the message denies or puts in
/// the past ("aucun danger", "il y a dix ans") count for nothing (<see cref="MessageReader"/>).
/// </summary>
public sealed class Router
{
    private const double IntentBoost = 2;

    /// <summary>Past this many characters, a message is read by its first and last parts: the question is at one end.</summary>
    private const int ReadChars = 8 * 1024;

    private readonly KnowledgeBase knowledge;
    private readonly KnowledgeSearch search;
    private readonly MessageReader _reader;
    private readonly List<HashSet<string>> _policeActors;
    private readonly List<string[]> _askers;
    private readonly List<string[]> _requests;
    private readonly HashSet<string> _requestWords;
    private readonly string _dangerStem;
    private readonly Dictionary<string, List<Intent>> _intents;
    private readonly List<string> _intentOrder;
    private readonly List<(string Situation, List<string[]> Cues, bool InOrder)> _urgent;
    private readonly string[] _definitionCues;
    private readonly string[] _contextCues;
    private readonly List<(string IdEnd, string[] Phrases)> _lookupCues;
    // The words of the sharing topic's partners, per country, for "l'école veut savoir".
    private readonly Dictionary<Jurisdiction, List<string[]>> _partnerWords;
    private readonly Dictionary<PrefillFrame, (HashSet<string> Questions, List<string[]> Before)> _frames;
    // The word stems of each choice's synonyms and label, computed once per choice rather than for every message.
    private readonly ConcurrentDictionary<Choice, List<string[]>> _choiceWords = new(ReferenceEqualityComparer.Instance);

    public Router(KnowledgeBase knowledge, KnowledgeSearch search)
    {
        this.knowledge = knowledge;
        this.search = search;
        _reader = new MessageReader(knowledge, search);
        _policeActors = knowledge.Routing.PoliceActors.Select(StemSet).Where(set => set.Count > 0).ToList();
        _askers = knowledge.Routing.PoliceActors.Concat(knowledge.Routing.CourtActors).Select(StemRow).Where(row => row.Length > 0).ToList();
        _requests = knowledge.Routing.Requests.Select(StemRow).Where(row => row.Length > 0).ToList();
        _requestWords = knowledge.Routing.Requests.Select(FrenchText.Normalize).Where(r => !r.Contains(' ')).Select(search.WordStem)
            .ToHashSet(StringComparer.Ordinal);
        _dangerStem = search.Stems(Topics.Danger).Single();
        _intents = knowledge.Routing.Intents.ToDictionary(i => i.Key, i => i.Value.Select(IntentOf).Where(intent => intent.Stems.Count > 0).ToList());
        _intentOrder = knowledge.Routing.Intents.Keys.ToList();
        // The order of Situations.All decides between two urgencies: the police on the phone first.
        _urgent = Situations.All.Where(knowledge.Routing.UrgentCues.ContainsKey)
            .Select(s => (s, knowledge.Routing.UrgentCues[s].Select(cue => StemRow(string.Join(' ', cue))).Where(row => row.Length > 0).ToList(),
                knowledge.Routing.UrgentInOrder.Contains(s)))
            .ToList();
        // Definition and context cues start a word and may go on ("sanction" is in "sanctions"); look-up cues are whole phrases.
        _definitionCues = knowledge.Routing.DefinitionCues.Select(cue => $" {FrenchText.Normalize(cue)}").ToArray();
        _contextCues = knowledge.Routing.ContextCues.Select(cue => $" {FrenchText.Normalize(cue)}").ToArray();
        _lookupCues = knowledge.Routing.LookupCues.Select(c => (c.Key, Padded(c.Value.Select(FrenchText.Normalize).ToArray()))).ToList();
        _partnerWords = knowledge.Jurisdictions.ToDictionary(j => j.Key, j => j.Value.Interviews.TryGetValue(Topics.Share, out var share)
            && knowledge.Routing.Prefill.TryGetValue(PrefillFrame.Asker, out var asker)
                ? share.Questions.Where(q => asker.Questions.Contains(q.Id)).SelectMany(q => q.Choices).SelectMany(ChoiceWords).ToList()
                : []);
        _frames = knowledge.Routing.Prefill.OrderBy(f => f.Key).ToDictionary(f => f.Key, f => (
            f.Value.Questions.ToHashSet(StringComparer.Ordinal),
            f.Value.Before.Select(phrase => FrenchText.Normalize(phrase).Split(' ')).ToList()));
    }

    // Below this lead over the runner-up, the bot asks instead of guessing.
    private const double ClearLead = 1.05;
    private static readonly HashSet<string> Greetings =
        ["bonjour", "salut", "hello", "hi", "hey", "coucou", "bonsoir", "menu", "start", "commencer", "debut"];

    // Small words between a frame and the choice it names: "à l'école", "avec le psy de la maman".
    private static readonly HashSet<string> Determiners =
        ["le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "mon", "ma", "mes", "son", "sa", "ses", "notre", "votre",
         "nos", "vos", "leur", "leurs", "ce", "cet", "cette", "the", "a", "an", "my", "our", "their", "this", "his", "her"];

    public Route Decide(Jurisdiction jurisdiction, string? text)
    {
        var reading = _reader.Read(text is { Length: > 2 * ReadChars } ? $"{text[..ReadChars]}. {text[^ReadChars..]}" : text);
        var normalized = reading.Normalized;
        if (normalized.Length == 0 || normalized.Split(' ').All(word => Greetings.Contains(word) || word is "le" or "bot" or "secretbot"))
        {
            return Route.To(RouteKind.Welcome);
        }

        // A danger the message denies or puts in the past is no urgency and no reason to go to the danger topic.
        var stems = reading.PresentStems;
        if (UrgentSituation(reading) is { } situation)
        {
            return Route.To(RouteKind.Urgent, knowledge[jurisdiction].Urgent(situation).Id);
        }

        var padded = reading.Padded;
        // A look-up named by its own distinctive words ("après la mort", "article 40") answers first, it leads on to its
        // topic; but a question asked in another sentence is the question ("…l'article 40. Alors, suis-je tenue ?").
        var askedSentence = reading.AskedClause is { } askedAt ? reading.Clauses[askedAt].Sentence : (int?)null;
        foreach (var (idEnd, phrases) in _lookupCues)
        {
            if (reading.Clauses.Where(clause => askedSentence is null || clause.Sentence == askedSentence)
                    .Any(clause => phrases.Any(phrase => clause.Padded.Contains(phrase, StringComparison.Ordinal)))
                && knowledge[jurisdiction].Lookups.FirstOrDefault(l => l.Id.EndsWith("." + idEnd, StringComparison.Ordinal)) is { } named)
            {
                return Route.To(RouteKind.Lookup, named.Id);
            }
        }

        // The question asked outright decides, whatever else the message mentions. "Puis-je le dire ?"
        // asked about the police or the prosecution is answering them, and so is a message where they
        // are the ones asking ("le parquet veut savoir…"). "Que faire ?" is the police topic's question
        // when the police or the courts are in it, else the danger topic's, unless the message only
        // speaks of sharing with no danger in it.
        // "Puis-je en parler en supervision ?", "on peut poster sur Facebook ?": where it would be said has its own answer.
        if (reading.AskedTopic == Topics.Share && _contextCues.Any(c => padded.Contains(c, StringComparison.Ordinal))
            && search.SearchStems(jurisdiction, stems, max: 3).FirstOrDefault(hit => IsDefinition(jurisdiction, hit)) is { } context)
        {
            return Route.To(RouteKind.Lookup, context.Id);
        }

        var asked = reading.AskedTopic switch
        {
            Topics.Share when PoliceNamed(stems) || PoliceAsking(reading) => Topics.Police,
            null when PoliceAsking(reading) => Topics.Police,
            null when reading.AsksWhatToDo && PoliceNamed(stems) => Topics.Police,
            null when reading.AsksWhatToDo && reading.SaysPresentDanger(_reader.DangerStems) => Topics.Danger,
            // Past abuse told, "que puis-je faire ?": the danger topic answers for past facts, even if the victim will not file a complaint.
            null when reading.AsksWhatToDo && reading.PastDanger.Count > 0 => Topics.Danger,
            null when reading.AsksWhatToDo && IntentRank(Topics.Police, reading) is not null => Topics.Police,
            null when reading.AsksWhatToDo && IntentRank(Topics.Share, reading) is null => Topics.Danger,
            // Someone the person could share with, asking ("le bailleur demande si…", "la grand-mère veut savoir…").
            null when !reading.AsksWhatToDo && !PoliceNamed(stems) && IntentRank(Topics.Police, reading) is null && PartnerAsking(jurisdiction, reading)
                => Topics.Share,
            var topic => topic,
        };
        if (asked is not null && knowledge[jurisdiction].Interviews.ContainsKey(asked))
        {
            return InterviewRoute(jurisdiction, asked, reading);
        }

        var cue = _definitionCues.Any(c => padded.Contains(c, StringComparison.Ordinal));
        var found = search.SearchStems(jurisdiction, stems, max: 8).ToList();
        // "C'est quoi…", "quelles sanctions…": a definition that matches fairly well answers it.
        if (cue && found.FirstOrDefault(hit => IsDefinition(jurisdiction, hit)) is { } definition && definition.Score >= found[0].Score * 0.5)
        {
            return Route.To(RouteKind.Lookup, definition.Id);
        }

        // A topic whose intent the message says is a candidate even when none of its keywords is there ("il a un couteau").
        var baseScore = Math.Max(found.FirstOrDefault()?.Score ?? 1, 1) * 0.5;
        found.AddRange(_intentOrder.Where(topic => IntentRank(topic, reading) is not null
                && !found.Any(hit => hit.Kind == HitKind.Interview && hit.Id == topic) && knowledge[jurisdiction].Interviews.ContainsKey(topic))
            .Select(topic => new SearchHit(HitKind.Interview, topic, baseScore)));
        var hits = found
            .Select(hit => IsDefinition(jurisdiction, hit) ? hit with { Score = hit.Score * 0.6 } : hit)
            .Select(hit => hit.Kind == HitKind.Interview && IntentRank(hit.Id, reading) is { } rank
                ? hit with { Score = hit.Score * IntentBoost * (1 + 0.6 * (_intents.Count - rank)) }
                : hit)
            .OrderByDescending(hit => hit.Score)
            .ToList();

        if (hits.Count == 0)
        {
            return new Route(RouteKind.Unsure, null, new Dictionary<string, string>(), Topics.All.Take(3).ToList());
        }

        // Urgency comes only from its cues, above: words that merely resemble an urgent situation lead to its topic.
        hits = hits.Select(hit => hit.Kind == HitKind.Lookup && knowledge[jurisdiction].Lookups.First(l => l.Id == hit.Id) is { Kind: LookupKind.Urgent } urgent
                ? hit with { Kind = HitKind.Interview, Id = urgent.FollowUpTopic ?? Topics.Danger }
                : hit)
            .GroupBy(hit => (hit.Kind, hit.Id)).Select(group => group.OrderByDescending(hit => hit.Score).First())
            .OrderByDescending(hit => hit.Score).ToList();
        var best = hits[0];
        var lookup = best.Kind == HitKind.Lookup ? knowledge[jurisdiction].Lookups.First(l => l.Id == best.Id) : null;

        var runnerUp = hits.Skip(1).FirstOrDefault(h => h.Id != best.Id && !(lookup?.FollowUpTopic == h.Id));
        if (runnerUp is not null && best.Score < runnerUp.Score * ClearLead)
        {
            var topics = hits.Select(h => h.Kind == HitKind.Interview ? h.Id : TopicOf(jurisdiction, h.Id)).OfType<string>().Distinct().Take(3).ToList();
            if (topics.Count >= 2)
            {
                return new Route(RouteKind.Unsure, null, new Dictionary<string, string>(), topics);
            }
        }

        return best.Kind == HitKind.Lookup
            ? Route.To(RouteKind.Lookup, best.Id)
            : InterviewRoute(jurisdiction, best.Id, reading);
    }

    /// <summary>An interview, with what the message answers unambiguously, and a danger pointer when it mentions one but asks something else.</summary>
    private Route InterviewRoute(Jurisdiction jurisdiction, string topic, MessageReading reading) =>
        new(RouteKind.Interview, topic, Prefill(knowledge.Interview(jurisdiction, topic), reading), [],
            DangerCue: topic != Topics.Danger && reading.SaysPresentDanger(_reader.DangerStems));

    /// <summary>
    /// The urgent situation whose cue the message says in the present. In a danger cue, "danger"
    /// stands for any word that says a danger ("urgent" + "arme", "tuer" + "ce soir"). A cue in
    /// order must come in one clause, in that order ("la police m'appelle", not "j'appelle la police").
    /// Other cues must be said in one sentence ("il la frappe, là, maintenant", not "il la frappait. Elle va
    /// bien maintenant"). A present danger outranks the other situations.
    /// </summary>
    private string? UrgentSituation(MessageReading reading)
    {
        var sentences = Sentences(reading, reading.PresentStems).ToList();
        string? first = null;
        foreach (var (situation, cues, inOrder) in _urgent)
        {
            var said = inOrder
                ? cues.Any(cue => reading.Clauses.Any(clause => !clause.InPast && InOrder(clause.Sequence, cue)))
                : sentences.Any(sentence => SaysCue(situation, cues, sentence));
            if (said && situation == Situations.Danger)
            {
                // A danger here and now comes before the police at the door or a summons.
                return situation;
            }

            first ??= said ? situation : null;
        }

        return first;
    }

    /// <summary>
    /// The present stems of each sentence, and those of a question's last clause joined to every sentence before
    /// it: "que faire tout de suite ?" asks about what was told, "elle va bien maintenant." does not.
    /// </summary>
    private static IEnumerable<HashSet<string>> Sentences(MessageReading reading, HashSet<string> present)
    {
        var told = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sentence in reading.Clauses.GroupBy(clause => clause.Sentence))
        {
            var own = sentence.SelectMany(clause => clause.Stems).Where(present.Contains).ToHashSet(StringComparer.Ordinal);
            yield return own;
            if (sentence.Last().InQuestion)
            {
                yield return [.. sentence.Last().Stems.Where(present.Contains), .. told];
            }

            told.UnionWith(own);
        }
    }

    /// <summary>Whether one sentence's present stems say one of the cues.</summary>
    private bool SaysCue(string situation, List<string[]> cues, HashSet<string> sentence)
    {
        var dangerSaid = situation == Situations.Danger && sentence.Overlaps(_reader.DangerStems);
        return cues.Any(cue => cue.All(word => sentence.Contains(word) || (dangerSaid && word == _dangerStem)));
    }

    /// <summary>Whether the words come in this order, each within a few words of the one before.</summary>
    private static bool InOrder(IReadOnlyList<string> sequence, string[] words)
    {
        for (var start = 0; start < sequence.Count; start++)
        {
            if (sequence[start] != words[0])
            {
                continue;
            }

            var at = start;
            var all = true;
            foreach (var word in words.Skip(1))
            {
                var next = Enumerable.Range(at + 1, Math.Max(0, Math.Min(AskerReach, sequence.Count - at - 1))).FirstOrDefault(i => sequence[i] == word, -1);
                if (next < 0)
                {
                    all = false;
                    break;
                }

                at = next;
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    private HashSet<string> StemSet(string? text) => search.Stems(text).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether the police or the prosecution are named ("la police", "le parquet", "un juge d'instruction").</summary>
    private bool PoliceNamed(IReadOnlySet<string> stems) => _policeActors.Any(actor => actor.IsSubsetOf(stems));

    private string[] StemRow(string text) => search.Stems(text).ToArray();

    /// <summary>How many meaningful words may come between the one asking and the asking ("le juge des enfants me demande").</summary>
    private const int AskerReach = 3;

    /// <summary>
    /// Whether a clause has the police, the prosecution or a court as the one asking: named, then a
    /// request within a few words ("la police veut", "le procureur demande", "le tribunal de la
    /// famille me demande"). "Le papa veut un rapport pour le tribunal" is the father asking.
    /// </summary>
    private bool PoliceAsking(MessageReading reading)
    {
        foreach (var clause in reading.Clauses)
        {
            var sequence = clause.Sequence;
            foreach (var asker in _askers)
            {
                for (var start = 0; start + asker.Length <= sequence.Count; start++)
                {
                    if (!At(sequence, start, asker))
                    {
                        continue;
                    }

                    var end = start + asker.Length;
                    foreach (var request in _requests)
                    {
                        for (var at = end; at < end + AskerReach && at + request.Length <= sequence.Count; at++)
                        {
                            if (At(sequence, at, request))
                            {
                                return true;
                            }
                        }
                    }
                }
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="row"/> stands at <paramref name="start"/> in <paramref name="sequence"/> (no allocation: this runs for every typed message).</summary>
    private static bool At(IReadOnlyList<string> sequence, int start, string[] row)
    {
        for (var k = 0; k < row.Length; k++)
        {
            if (!string.Equals(sequence[start + k], row[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whole phrases, padded once rather than for every message.</summary>
    private static string[] Padded(string[] cues) => cues.Select(cue => $" {cue} ").ToArray();

    /// <summary>The topic's place in routing.yaml's intents (0 weighs most) when one of its intents is in the message.</summary>
    private int? IntentRank(string topic, MessageReading reading)
    {
        var rank = _intentOrder.IndexOf(topic);
        return rank >= 0 && _intents[topic].Any(intent => intent.IsIn(reading)) ? rank : null;
    }

    private Intent IntentOf(string phrase)
    {
        var normalized = FrenchText.Normalize(phrase);
        return new Intent(normalized.Contains(' ') ? $" {normalized} " : null, StemSet(phrase));
    }

    /// <summary>
    /// One intent: a word, said in the present (not denied, not in the past); or a phrase, said as
    /// such ("en parler", "menace de mort": not "parler" or "mort" alone), none of its words denied.
    /// </summary>
    private sealed record Intent(string? Phrase, HashSet<string> Stems)
    {
        public bool IsIn(MessageReading reading) =>
            Stems.IsSubsetOf(reading.PresentStems) && (Phrase is null || reading.Padded.Contains(Phrase, StringComparison.Ordinal));
    }

    private bool IsDefinition(Jurisdiction jurisdiction, SearchHit hit) =>
        hit.Kind == HitKind.Lookup && knowledge[jurisdiction].Lookups.First(l => l.Id == hit.Id).Kind != LookupKind.Urgent;

    private string? TopicOf(Jurisdiction jurisdiction, string lookupId) =>
        knowledge[jurisdiction].Lookups.FirstOrDefault(l => l.Id == lookupId)?.FollowUpTopic;

    /// <summary>
    /// Answers the message gives unambiguously, and only where routing.yaml allows, in the frame it
    /// names: the speaker's role said as theirs ("je suis assistante sociale", or first thing in the
    /// message), the partner named after "à" or "avec" ("en parler à l'école"). A question is
    /// pre-filled only when exactly one of its choices is so named and no other of its choices is
    /// mentioned anywhere. Who is in danger, and anything else, is always asked: a wrong pre-fill is
    /// worse than one more question.
    /// </summary>
    private Dictionary<string, string> Prefill(Interview interview, MessageReading reading)
    {
        var prefill = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (frame, (questions, before)) in _frames)
        {
            var eligible = frame == PrefillFrame.Partner ? QuestionClauses(reading, before) : reading.Clauses;
            foreach (var question in interview.Questions.Where(q => questions.Contains(q.Id)))
            {
                var named = question.Choices.Where(choice => ChoiceWords(choice).Any(words => frame == PrefillFrame.Asker
                    ? Asking(reading, words)
                    : Named(reading, words, frame, before, eligible))).ToList();
                // No other of its choices may be mentioned anywhere: a wrong pre-fill is worse than one more question.
                if (named.Count == 1 && !question.Choices.Any(other => other != named[0] && ChoiceWords(other).Any(words => Mentioned(reading.Clauses, words))))
                {
                    prefill[question.Id] = named[0].Id;
                }
            }
        }

        return prefill;
    }

    /// <summary>Whether one of the sharing topic's partners is the one asking ("l'école veut savoir", "le bailleur demande").</summary>
    private bool PartnerAsking(Jurisdiction jurisdiction, MessageReading reading) =>
        _partnerWords.TryGetValue(jurisdiction, out var partners) && partners.Any(words => Asking(reading, words));

    /// <summary>Whether a clause names <paramref name="words"/> as the one asking: a request a few words after ("l'école veut savoir").</summary>
    private bool Asking(MessageReading reading, string[] words)
    {
        foreach (var clause in reading.Clauses)
        {
            var stems = clause.WordStems;
            for (var start = 0; start + words.Length <= stems.Count; start++)
            {
                if (!At(stems, start, words))
                {
                    continue;
                }

                for (var at = start + words.Length; at < stems.Count && at <= start + words.Length + AskerReach; at++)
                {
                    if (_requestWords.Contains(stems[at]))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private List<string[]> ChoiceWords(Choice choice) => _choiceWords.GetOrAdd(choice, c =>
        c.SynonymsFr.Concat(c.SynonymsEn)
            .Select(synonym => FrenchText.Normalize(synonym).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(search.WordStem).ToArray())
            .Where(words => words.Length > 0)
            .ToList());

    /// <summary>Whether any clause holds <paramref name="words"/> in a row.</summary>
    private static bool Mentioned(IEnumerable<MessageReading.Clause> clauses, string[] words)
    {
        foreach (var clause in clauses)
        {
            for (var start = 0; start + words.Length <= clause.WordStems.Count; start++)
            {
                if (At(clause.WordStems, start, words))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Where the one a question is asked of is named: the question's clause ("puis-je en parler à
    /// l'école"), or a clause that begins with the frame's word right after it ("je peux en parler, à
    /// sa mère ?") — not where the speaker says where they work or what comes next. Every clause when
    /// no question is asked.
    /// </summary>
    private static IReadOnlyList<MessageReading.Clause> QuestionClauses(MessageReading reading, List<string[]> before) =>
        reading.AskedClause is not { } asked
            ? reading.Clauses
            : reading.Clauses.Where((clause, c) => c == asked
                || (c == asked + 1 && clause.Words.Count > 0 && before.Any(phrase => phrase.Length == 1 && phrase[0] == clause.Words[0]))).ToList();

    /// <summary>Whether a clause names <paramref name="words"/> right after one of the frame's words (small words skipped between).</summary>
    private static bool Named(MessageReading reading, string[] words, PrefillFrame frame, List<string[]> before,
        IReadOnlyList<MessageReading.Clause> eligible)
    {
        for (var c = 0; c < reading.Clauses.Count; c++)
        {
            var clause = reading.Clauses[c];
            if (!eligible.Contains(clause))
            {
                continue;
            }

            for (var start = 0; start + words.Length <= clause.WordStems.Count; start++)
            {
                if (!At(clause.WordStems, start, words))
                {
                    continue;
                }

                // "Assistante sociale, aucune menace…": a role said first thing, without an article, is the
                // speaker's own ("Une assistante sociale m'a dit…" is someone else).
                if (frame == PrefillFrame.Speaker && c == 0 && start == 0)
                {
                    return true;
                }

                // The frame's words right before, small words skipped ("à l'école", "avec le psy"); each
                // small word may itself end the frame ("à": "parler à", "as a": "work as a nurse").
                for (var end = start; end >= 0; end--)
                {
                    if (before.Any(phrase => end >= phrase.Length && phrase.Select((w, k) => clause.Words[end - phrase.Length + k] == w).All(same => same)))
                    {
                        return true;
                    }

                    if (end == 0 || !Determiners.Contains(clause.Words[end - 1]))
                    {
                        break;
                    }
                }
            }
        }

        return false;
    }
}
