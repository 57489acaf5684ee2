using SecretBot.Bot.Tests.Infrastructure;
using SecretBot.Bot.Tests.Knowledge;
using SecretBot.Dialogs.Conversations;
using SecretBot.Knowledge.Model;
using SecretBot.Knowledge.Search;

namespace SecretBot.Bot.Tests.Conversations;

/// <summary>
/// The labelled routing set (routing.yaml, 200+ messages as people type them): top-1 accuracy is
/// reported and must be at least 95%.
/// </summary>
public sealed class RoutingQualityTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void TopOneAccuracyIsAtLeastNinetyFivePercent()
    {
        var set = RoutingSet.Load();
        var knowledge = RealKnowledge.Value;
        var router = new Router(knowledge, new KnowledgeSearch(knowledge));
        var misses = new List<string>();
        foreach (var message in set.Messages)
        {
            var route = router.Decide(message.J, message.Text);
            var got = route.Kind switch
            {
                RouteKind.Interview => route.Id!,
                RouteKind.Urgent => "urgent:" + knowledge[message.J].Lookups.First(l => l.Id == route.Id).Situation,
                RouteKind.Lookup => route.Id!,
                RouteKind.Unsure => "unsure:" + string.Join("|", route.Topics),
                _ => route.Kind.ToString(),
            };
            // The urgent reflexes card of a situation leads to its topic ("voir ma situation pas à pas"):
            // for a message labelled with that topic, it is a right first reply.
            var followUp = route.Kind == RouteKind.Urgent ? knowledge[message.J].Lookups.First(l => l.Id == route.Id).FollowUpTopic : null;
            if (got != message.Expect && followUp != message.Expect)
            {
                misses.Add($"{message.J} \"{message.Text}\" → {got} (expected {message.Expect})");
            }
        }

        var accuracy = 1.0 - (double)misses.Count / set.Messages.Count;
        Figures.Report("routing.top1", $"{accuracy:P1} over {set.Messages.Count} messages ({misses.Count} misses)");
        output.WriteLine($"top-1 accuracy {accuracy:P1} over {set.Messages.Count}");
        misses.ForEach(output.WriteLine);
        Assert.True(set.Messages.Count >= 200, $"only {set.Messages.Count} labelled messages");
        Assert.True(accuracy >= 0.95, $"top-1 accuracy {accuracy:P1}:\n" + string.Join("\n", misses));
    }
}
