using System.Diagnostics;
using SecretBot.Knowledge.Model;
using SecretBot.Knowledge.Search;

namespace SecretBot.Knowledge.Tests;

public sealed class SearchTests
{
    private static readonly KnowledgeSearch Search = new(RealKnowledge.Value);

    [Theory]
    [InlineData("L'École d'Été", "ecole ete")]
    [InlineData("qu'est-ce que c'est ?", "est ce que est")]
    [InlineData("  ÇA   va-t-il ? ", "ca va t il")]
    public void NormalisationFoldsCaseAccentsAndElisions(string text, string expected) =>
        Assert.Equal(expected, FrenchText.Normalize(text));

    [Theory]
    [InlineData(@"école\ufffe", "ecole")]
    [InlineData(@"\ufffe aide \ufffe", "aide")]
    public void ANoncharacterFromJsonDoesNotBreakNormalisation(string escaped, string expected)
    {
        // As the bot receives it: escaped in JSON, which lets U+FFFE through (a test runner may mangle it in theory data).
        var text = System.Text.Json.JsonSerializer.Deserialize<string>($"\"{escaped}\"")!;

        Assert.Equal(expected, FrenchText.Normalize(text));
    }

    [Fact]
    public void DecompositionReplacesLoneSurrogatesAndKeepsPairs()
    {
        Assert.Equal("e\u0301cole \uFFFD 🙂 \uFFFD", UnicodeText.Decompose("école \uD800 🙂 \uDFFF"));
        Assert.Equal("ecole", FrenchText.Normalize("\uDFFFécole\uD800"));
    }

    [Theory]
    [InlineData("flic", "police")]
    [InlineData("policière", "police")]
    [InlineData("le parquet", "procureur")]
    [InlineData("substitut", "procureur")]
    [InlineData("convoquée", "convocation")]
    [InlineData("citation", "convocation")]
    [InlineData("instit", "ecole")]
    public void SynonymsFoldIntoOneStem(string word, string group) =>
        Assert.Equal(Search.Stems(group).Single(), Search.Stems(word).Single());

    [Theory]
    [InlineData(Jurisdiction.BE, "je suis convoquee chez le juge d'instruction", HitKind.Lookup, "be.urgent.summons")]
    [InlineData(Jurisdiction.BE, "puis-je en parler à l'école ?", HitKind.Interview, Topics.Share)]
    [InlineData(Jurisdiction.BE, "suis-je tenue au secret professionnel ?", HitKind.Interview, Topics.Bound)]
    [InlineData(Jurisdiction.BE, "perquisiton au service", HitKind.Interview, Topics.Police)]
    [InlineData(Jurisdiction.BE, "c'est quoi le maître du secret", HitKind.Lookup, "be.master-of-secret")]
    [InlineData(Jurisdiction.FR, "réquisition de la gendarmerie pour le dossier", HitKind.Interview, Topics.Police)]
    [InlineData(Jurisdiction.FR, "may I share with the school", HitKind.Interview, Topics.Share)]
    [InlineData(Jurisdiction.FR, "information préoccupante crip", HitKind.Interview, Topics.Danger)]
    public void TheBestHitIsTheRightEntry(Jurisdiction jurisdiction, string query, HitKind kind, string id)
    {
        var best = Search.Search(jurisdiction, query).First();
        Assert.Equal((kind, id), (best.Kind, best.Id));
    }

    [Fact]
    public void NothingMatchesNothing()
    {
        Assert.Empty(Search.Search(Jurisdiction.BE, ""));
        Assert.Empty(Search.Search(Jurisdiction.BE, "zzzz qqqq"));
    }

    [Fact]
    public void AQueryTakesWellUnderAMillisecond()
    {
        string[] queries = ["un flic m'appelle", "puis-je en parler à l'école", "secret partagé avec le psy", "enfant en danger ce soir"];
        for (var i = 0; i < 200; i++)
        {
            Search.Search(Jurisdiction.BE, queries[i % queries.Length]);
        }

        var watch = Stopwatch.StartNew();
        const int runs = 4000;
        for (var i = 0; i < runs; i++)
        {
            Search.Search(Jurisdiction.FR, queries[i % queries.Length]);
        }

        // A figure for the closing note, not an assertion on time.
        Figures.Report("knowledge.search", $"{watch.Elapsed.TotalMicroseconds / runs:F1} µs per query over {runs} queries");
    }
}
