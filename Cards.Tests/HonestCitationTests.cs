using System.Text.Json.Nodes;
using SecretBot.Knowledge.Tests;
using SecretBot.Cards.Texts;
using SecretBot.Knowledge.Model;
using SecretBot.Knowledge.Validation;

namespace SecretBot.Cards.Tests;

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
        var fr = TextCatalog.For(Language.Fr);
        foreach (var (jurisdiction, sources) in RealKnowledge.Value.Jurisdictions)
        {
            foreach (var reference in sources.References.Values.Where(r => r.AppliesOn(RealKnowledge.Value.Version.Date)))
            {
                var card = Cards.FirstOrDefault(c => c.Language == Language.Fr && c.Card.ToJsonObject().Text().Contains(reference.Citation(Language.Fr)));
                if (card is null)
                {
                    continue;
                }

                var text = card.Card.ToJsonObject().Text();
                if (reference.IsVerified)
                {
                    Assert.Contains(fr.Format("references.verified", Reference.LongDate(reference.Verified!.On, Language.Fr)), text);
                }
                else
                {
                    Assert.Contains(fr["references.toVerify"], text);
                    Assert.True(reference.Text is null, $"{jurisdiction} {reference.Id}: an unverified reference carries statute words");
                }
            }
        }
    }

    [Fact]
    public void EveryBelgianCardCitingTheCriminalCodeForTodaysFactsNamesTheLawOf29February2024()
    {
        var today = RealKnowledge.Value.Version.Date;
        var belgian = RealKnowledge.Value[Jurisdiction.BE].References.Values.Where(r => r.Code.Fr.StartsWith("Code pénal", StringComparison.Ordinal)).ToList();
        var current = belgian.Where(r => r.AppliesOn(today)).ToList();
        Assert.NotEmpty(current);
        Assert.All(current, r => Assert.Contains("loi du 29 février 2024", r.Citation(Language.Fr)));
        // The 1867 articles are cited only for earlier facts, with their successor.
        Assert.All(belgian.Except(current), r => Assert.True(r.AppliesUntil < today && r.ReplacedBy is not null, $"{r.Id} is neither current nor replaced"));

        var cited = 0;
        foreach (var sample in Cards.Where(c => c.Language == Language.Fr))
        {
            // Link texts escape their Markdown: "Code pénal \\(loi du…\\)".
            var text = sample.Card.ToJsonObject().Text().Replace("\\", "", StringComparison.Ordinal);
            // "art. 458" is not "art. 458ter": a citation ends where a word ends.
            foreach (var old in belgian.Except(current).Where(r => System.Text.RegularExpressions.Regex.IsMatch(text, System.Text.RegularExpressions.Regex.Escape(r.Citation(Language.Fr)) + @"(?!\w)")))
            {
                // An old article on a card always comes as "remplace … pour les faits antérieurs au …", beside its successor.
                var successor = belgian.Single(r => r.Id == old.ReplacedBy);
                Assert.True(text.Contains(successor.Citation(Language.Fr), StringComparison.Ordinal), $"{sample} cites {old.Id} without {successor.Id}");
                cited++;
            }
        }

        Assert.True(cited > 0, "no card shows an 1867 article beside its successor");
    }
}
