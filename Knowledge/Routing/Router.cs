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
    private readonly string _dangerStem;
    private readonly Dictionary<string, List<HashSet<string>>> _intents;
    private readonly List<string> _intentOrder;
    private readonly List<(string Situation, List<HashSet<string>> Cues)> _urgent;
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
        _dangerStem = search.Stems(Topics.Danger).Single();
        _intents = knowledge.Routing.Intents.ToDictionary(i => i.Key, i => i.Value.Select(StemSet).Where(set => set.Count > 0).ToList());
        _intentOrder = knowledge.Routing.Intents.Keys.ToList();
        // The order of Situations.All decides between two urgencies: the police on the phone first.
        _urgent = Situations.All.Where(knowledge.Routing.UrgentCues.ContainsKey)
            .Select(s => (s, knowledge.Routing.UrgentCues[s].Select(cue => StemSet(string.Join(' ', cue))).Where(set => set.Count > 0).ToList()))
            .ToList();
        _frames = knowledge.Routing.Prefill.ToDictionary(f => f.Key, f => (
            f.Value.Questions.ToHashSet(StringComparer.Ordinal),
            f.Value.Before.Select(phrase => FrenchText.Normalize(phrase).Split(' ')).ToList()));
    }

    // Below this lead over the runner-up, the bot asks instead of guessing.
    private const double ClearLead = 1.05;
    // A definition answers "what is…" questions; without such a cue the person is asking about their situation.
    private static readonly string[] DefinitionCues = Padded(
    [
        "c est quoi", "qu est ce", "definition", "que couvre", "qui est", "sanction", "risque", "peine", "amende", "difference",
        "appartient", "delier", "lever le secret", "rgpd", "facebook", "reseaux sociaux", "whatsapp", "groupe ferme", "publier",
        "supervision", "intervision", "analyse de pratique", "statistique", "condamnation", "chiffres", "what is", "what does",
        "penalt", "social media", "confident necessaire", "concertation", "obligation de reserve", "liste des professions",
        "quelles informations", "combien",
    ]);

    // Where something would be said, which has its own answer even when the message asks "puis-je en parler ?".
    private static readonly string[] ContextCues = Padded(
    [
        "facebook", "reseaux sociaux", "reseau social", "whatsapp", "groupe ferme", "linkedin", "instagram", "social media",
        "supervision", "intervision", "analyse de pratique",
    ]);

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
        if (UrgentSituation(stems) is { } situation)
        {
            return Route.To(RouteKind.Urgent, knowledge[jurisdiction].Urgent(situation).Id);
        }

        // The question asked outright decides, whatever else the message mentions. "Puis-je le dire ?"
        // asked about the police or the prosecution is answering them, and so is a message where they
        // are the ones asking ("le parquet veut savoir…"). "Que faire ?" is the police topic's question
        // when the police or the courts are in it, else the danger topic's, unless the message only
        // speaks of sharing with no danger in it.
        var padded = $" {normalized} ";
        // "Puis-je en parler en supervision ?", "on peut poster sur Facebook ?": where it would be said has its own answer.
        if (reading.AskedTopic == Topics.Share && ContextCues.Any(c => padded.Contains(c, StringComparison.Ordinal))
            && search.SearchStems(jurisdiction, stems, max: 3).FirstOrDefault(hit => IsDefinition(jurisdiction, hit)) is { } context)
        {
            return Route.To(RouteKind.Lookup, context.Id);
        }

        var asked = reading.AskedTopic switch
        {
            Topics.Share when PoliceNamed(stems) || PoliceAsking(reading) => Topics.Police,
            null when PoliceAsking(reading) => Topics.Police,
            null when reading.AsksWhatToDo && (PoliceNamed(stems) || IntentRank(Topics.Police, stems) is not null) => Topics.Police,
            null when reading.AsksWhatToDo && (reading.SaysPresentDanger(_reader.DangerStems) || IntentRank(Topics.Share, stems) is null) => Topics.Danger,
            var topic => topic,
        };
        if (asked is not null && knowledge[jurisdiction].Interviews.ContainsKey(asked))
        {
            return InterviewRoute(jurisdiction, asked, reading);
        }

        var cue = DefinitionCues.Any(c => padded.Contains(c, StringComparison.Ordinal));
        var found = search.SearchStems(jurisdiction, stems, max: 8);
        // "C'est quoi…", "quelles sanctions…": a definition that matches fairly well answers it.
        if (cue && found.FirstOrDefault(hit => IsDefinition(jurisdiction, hit)) is { } definition && definition.Score >= found[0].Score * 0.5)
        {
            return Route.To(RouteKind.Lookup, definition.Id);
        }

        var hits = found
            .Select(hit => IsDefinition(jurisdiction, hit) ? hit with { Score = hit.Score * 0.6 } : hit)
            .Select(hit => hit.Kind == HitKind.Interview && IntentRank(hit.Id, stems) is { } rank
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
    /// stands for any word that says a danger ("urgent" + "arme", "tuer" + "ce soir").
    /// </summary>
    private string? UrgentSituation(HashSet<string> stems)
    {
        foreach (var (situation, cues) in _urgent)
        {
            var dangerSaid = situation == Situations.Danger && stems.Overlaps(_reader.DangerStems);
            if (cues.Any(cue => cue.All(word => stems.Contains(word) || (dangerSaid && word == _dangerStem))))
            {
                return situation;
            }
        }

        return null;
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
    private bool PoliceAsking(MessageReading reading) =>
        reading.Clauses.Any(clause => _askers.SelectMany(asker => Positions(clause.Sequence, asker).Select(at => at + asker.Length))
            .Any(end => _requests.Any(request => Enumerable.Range(end, AskerReach).Any(at => Positions(clause.Sequence, request).Contains(at)))));

    /// <summary>Where <paramref name="row"/> starts in <paramref name="sequence"/>.</summary>
    private static IEnumerable<int> Positions(IReadOnlyList<string> sequence, string[] row) =>
        Enumerable.Range(0, Math.Max(0, sequence.Count - row.Length + 1))
            .Where(start => row.Select((stem, k) => sequence[start + k] == stem).All(same => same));

    /// <summary>Cues with the space that starts a word, padded once rather than for every message.</summary>
    private static string[] Padded(string[] cues) => cues.Select(cue => $" {cue}").ToArray();

    /// <summary>The topic's place in routing.yaml's intents (0 weighs most) when one of its intents is in the message.</summary>
    private int? IntentRank(string topic, HashSet<string> stems)
    {
        var rank = _intentOrder.IndexOf(topic);
        return rank >= 0 && _intents[topic].Any(phrase => phrase.IsSubsetOf(stems)) ? rank : null;
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
            foreach (var question in interview.Questions.Where(q => questions.Contains(q.Id)))
            {
                var named = question.Choices.Where(choice => ChoiceWords(choice).Any(words => Named(reading, words, frame, before))).ToList();
                if (named.Count == 1 && !question.Choices.Any(other => other != named[0] && ChoiceWords(other).Any(words => Mentioned(reading, words))))
                {
                    prefill[question.Id] = named[0].Id;
                }
            }
        }

        return prefill;
    }

    private List<string[]> ChoiceWords(Choice choice) => _choiceWords.GetOrAdd(choice, c =>
        c.SynonymsFr.Concat(c.SynonymsEn)
            .Select(synonym => FrenchText.Normalize(synonym).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(search.WordStem).ToArray())
            .Where(words => words.Length > 0)
            .ToList());

    /// <summary>Whether any clause holds <paramref name="words"/> in a row.</summary>
    private static bool Mentioned(MessageReading reading, string[] words) =>
        reading.Clauses.Any(clause => Enumerable.Range(0, Math.Max(0, clause.WordStems.Count - words.Length + 1))
            .Any(start => words.Select((w, k) => clause.WordStems[start + k] == w).All(same => same)));

    /// <summary>Whether a clause names <paramref name="words"/> right after one of the frame's words (small words skipped between).</summary>
    private static bool Named(MessageReading reading, string[] words, PrefillFrame frame, List<string[]> before)
    {
        for (var c = 0; c < reading.Clauses.Count; c++)
        {
            var clause = reading.Clauses[c];
            for (var start = 0; start + words.Length <= clause.WordStems.Count; start++)
            {
                if (!words.Select((w, k) => clause.WordStems[start + k] == w).All(same => same))
                {
                    continue;
                }

                var end = start;
                while (end > 0 && Determiners.Contains(clause.Words[end - 1]))
                {
                    end--;
                }

                // "Assistante sociale, aucune menace…": a role said first thing, without an article, is the
                // speaker's own ("Une assistante sociale m'a dit…" is someone else).
                if (frame == PrefillFrame.Speaker && c == 0 && start == 0)
                {
                    return true;
                }

                if (before.Any(phrase => end >= phrase.Length && phrase.Select((w, k) => clause.Words[end - phrase.Length + k] == w).All(same => same)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
