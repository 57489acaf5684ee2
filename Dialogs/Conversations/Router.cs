using System.Collections.Concurrent;
using SecretBot.Knowledge.Model;
using SecretBot.Knowledge.Search;

namespace SecretBot.Dialogs.Conversations;

public enum RouteKind { Welcome, Urgent, Lookup, Interview, Unsure }

/// <summary>Where a typed message goes: the urgent reflexes, a look-up, an interview (with what it already answers), or a choice of topics.</summary>
public sealed record Route(RouteKind Kind, string? Id, IReadOnlyDictionary<string, string> Prefill, IReadOnlyList<string> Topics)
{
    public static Route To(RouteKind kind, string? id = null) => new(kind, id, new Dictionary<string, string>(), []);
}

/// <summary>
/// Routes free text with the knowledge's search: urgent words first, then the best topic or
/// look-up when it clearly leads, else the two or three likeliest topics as buttons — never a
/// silent guess.
/// </summary>
public sealed class Router
{
    private const double IntentBoost = 2;
    private readonly KnowledgeBase knowledge;
    private readonly KnowledgeSearch search;
    private readonly Dictionary<string, List<HashSet<string>>> _intents;
    private readonly List<string> _intentOrder;
    private readonly List<(string Situation, List<HashSet<string>> Cues)> _urgent;
    // The stems of each choice's synonyms, computed once per choice rather than for every message.
    private readonly ConcurrentDictionary<Choice, List<string>[]> _synonymStems = new(ReferenceEqualityComparer.Instance);

    public Router(KnowledgeBase knowledge, KnowledgeSearch search)
    {
        this.knowledge = knowledge;
        this.search = search;
        _intents = knowledge.Routing.Intents.ToDictionary(i => i.Key, i => i.Value.Select(StemSet).Where(set => set.Count > 0).ToList());
        _intentOrder = knowledge.Routing.Intents.Keys.ToList();
        // The order of Situations.All decides between two urgencies: the police on the phone first.
        _urgent = Situations.All.Where(knowledge.Routing.UrgentCues.ContainsKey)
            .Select(s => (s, knowledge.Routing.UrgentCues[s].Select(cue => StemSet(string.Join(' ', cue))).Where(set => set.Count > 0).ToList()))
            .ToList();
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

    private static readonly HashSet<string> Greetings =
        ["bonjour", "salut", "hello", "hi", "hey", "coucou", "bonsoir", "menu", "start", "commencer", "debut"];

    public Route Decide(Jurisdiction jurisdiction, string? text)
    {
        var normalized = FrenchText.Normalize(text);
        if (normalized.Length == 0 || normalized.Split(' ').All(word => Greetings.Contains(word) || word is "le" or "bot" or "secretbot"))
        {
            return Route.To(RouteKind.Welcome);
        }

        // The message is normalised and stemmed once; every test below reads these.
        var stems = search.StemsOfNormalized(normalized).ToHashSet(StringComparer.Ordinal);
        if (_urgent.FirstOrDefault(u => u.Cues.Any(cue => cue.IsSubsetOf(stems))).Situation is { } situation)
        {
            return Route.To(RouteKind.Urgent, knowledge[jurisdiction].Urgent(situation).Id);
        }

        var padded = $" {normalized} ";
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

        var best = hits[0];
        var lookup = best.Kind == HitKind.Lookup ? knowledge[jurisdiction].Lookups.First(l => l.Id == best.Id) : null;
        if (lookup?.Kind == LookupKind.Urgent)
        {
            return Route.To(RouteKind.Urgent, lookup.Id);
        }

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
            : new Route(RouteKind.Interview, best.Id, Prefill(knowledge.Interview(jurisdiction, best.Id), stems), []);
    }

    private List<string>[] SynonymStems(Choice choice) => _synonymStems.GetOrAdd(choice,
        c => c.SynonymsFr.Concat(c.SynonymsEn).Select(synonym => search.Stems(synonym).ToList()).ToArray());

    private HashSet<string> StemSet(string? text) => search.Stems(text).ToHashSet(StringComparer.Ordinal);

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
    /// Answers the message already gives ("je suis assistante sociale au CPAS" answers the role):
    /// a question is pre-filled only when exactly one of its choices is named, and never a yes/no.
    /// </summary>
    private Dictionary<string, string> Prefill(Interview interview, HashSet<string> stems)
    {
        var prefill = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in interview.Questions.Where(q => q.Choices.All(c => c.Id is not ("yes" or "no"))))
        {
            var named = question.Choices.Where(choice => SynonymStems(choice)
                    .Any(words => words.Count > 0 && words.All(stems.Contains)))
                .ToList();
            if (named.Count == 1)
            {
                prefill[question.Id] = named[0].Id;
            }
        }

        return prefill;
    }
}
