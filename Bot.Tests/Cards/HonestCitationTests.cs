using System.Text.Json.Nodes;
using SecretBot.Bot.Tests.Conversations;
using SecretBot.Bot.Tests.Knowledge;
using SecretBot.Cards.Texts;
using SecretBot.Knowledge.Model;
using SecretBot.Knowledge.Validation;

namespace SecretBot.Bot.Tests.Cards;

/// <summary>
/// What a jurist checks on every card drawn from the real knowledge: no editors' notes, citations
/// written by kind (never "art. arrêt…"), "vérifié" only with a reading at the source, statute
/// words only when they were read there.
/// </summary>
public sealed class HonestCitationTests
{
    private static readonly IReadOnlyList<CardSample> Cards = KnowledgeCardSamples.All().ToList();

    [Fact]
    public void NoCardCarriesAnEditorsNote()
    {
        Assert.All(Cards, sample =>
        {
            var text = sample.Card.ToJsonObject().Text();
            Assert.All(EditorialWords.Forbidden, words => Assert.DoesNotContain(words, text, StringComparison.OrdinalIgnoreCase));
        });
    }

    [Fact]
    public void NoCitationPutsArtBeforeSomethingThatIsNotAnArticle()
    {
        Assert.All(Cards, sample =>
        {
            var text = sample.Card.ToJsonObject().Text();
            Assert.DoesNotContain("art. arrêt", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("art. judgment", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("art. livre", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("art. disposition", text, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void EveryReferenceSaysWhetherItWasCheckedAndOnlyACheckedOneShowsTheStatutesWords()
    {
        var fr = CardTexts.For(Language.Fr);
        foreach (var (jurisdiction, sources) in RealKnowledge.Value.Jurisdictions)
        {
            foreach (var reference in sources.References.Values.Where(r => r.AppliesOn(RealKnowledge.Value.Version.Date)))
            {
                var card = Cards.FirstOrDefault(c => c.Language == Language.Fr && c.Card.ToJsonObject().Text().Contains(reference.Citation("fr")));
                if (card is null)
                {
                    continue;
                }

                var text = card.Card.ToJsonObject().Text();
                if (reference.IsVerified)
                {
                    Assert.Contains(fr.Format("references.verified", Reference.LongDate(reference.Verified!.On, "fr")), text);
                }
                else
                {
                    Assert.Contains(fr["references.toVerify"], text);
                    Assert.True(reference.Text is null, $"{jurisdiction} {reference.Id}: an unverified reference carries statute words");
                }
            }
        }
    }
}
