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
public sealed class Router(KnowledgeBase knowledge, KnowledgeSearch search)
{
    // Below this lead over the runner-up, the bot asks instead of guessing.
    private const double ClearLead = 1.25;
    private static readonly HashSet<string> Greetings =
        ["bonjour", "salut", "hello", "hi", "hey", "coucou", "bonsoir", "menu", "start", "commencer", "debut"];

    public Route Decide(Jurisdiction jurisdiction, string? text)
    {
        var normalized = FrenchText.Normalize(text);
        if (normalized.Length == 0 || normalized.Split(' ').All(word => Greetings.Contains(word) || word is "le" or "bot" or "secretbot"))
        {
            return Route.To(RouteKind.Welcome);
        }

        var hits = search.Search(jurisdiction, text, max: 6);
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
            : new Route(RouteKind.Interview, best.Id, Prefill(knowledge.Interview(jurisdiction, best.Id), text), []);
    }

    private string? TopicOf(Jurisdiction jurisdiction, string lookupId) =>
        knowledge[jurisdiction].Lookups.FirstOrDefault(l => l.Id == lookupId)?.FollowUpTopic;

    /// <summary>
    /// Answers the message already gives ("je suis assistante sociale au CPAS" answers the role):
    /// a question is pre-filled only when exactly one of its choices is named, and never a yes/no.
    /// </summary>
    private Dictionary<string, string> Prefill(Interview interview, string? text)
    {
        var stems = search.Stems(text).ToHashSet(StringComparer.Ordinal);
        var prefill = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in interview.Questions.Where(q => q.Choices.All(c => c.Id is not ("yes" or "no"))))
        {
            var named = question.Choices.Where(choice => choice.SynonymsFr.Concat(choice.SynonymsEn)
                    .Any(synonym => search.Stems(synonym).ToList() is { Count: > 0 } words && words.All(stems.Contains)))
                .ToList();
            if (named.Count == 1)
            {
                prefill[question.Id] = named[0].Id;
            }
        }

        return prefill;
    }
}
