using System.Text.Json.Nodes;

namespace SecretBot.Cards.Tests;

public sealed class CardSchemaTests
{
    public static TheoryData<CardSample> Samples => CardSamples.Theory();

    [Theory]
    [MemberData(nameof(Samples))]
    public void EveryCardFollowsTheSchemaAndTheTeamsRules(CardSample sample) =>
        CardAssertions.AssertValid(sample.Card);

    [Fact]
    public void EveryCardVariantExistsInBothLanguages()
    {
        var byName = CardSamples.All().GroupBy(sample => sample.Name);
        Assert.All(byName, group => Assert.Equal(2, group.Count()));
        Assert.True(byName.Count() >= 15);
    }

    [Theory]
    [InlineData("""{"type":"TextBlock","text":"x","style":"loud"}""", "schema")]
    [InlineData("""{"type":"Image","url":"https://example.org/a.png"}""", "Image without altText")]
    [InlineData("""{"type":"TextBlock","text":" "}""", "TextBlock without text")]
    [InlineData("""{"type":"ActionSet","actions":[{"type":"Action.Submit","data":{}}]}""", "Action.Submit without title")]
    [InlineData("""{"type":"ActionSet","actions":[{"type":"Action.Submit","title":"t","data":{"msteams":{"type":"imBack","value":"x"}}}]}""", "msteams data")]
    [InlineData("""{"type":"Blink","text":"x"}""", "schema")]
    public void TheAssertionsCatchABrokenCard(string element, string expected)
    {
        var card = Card(element);
        Assert.Contains(CardAssertions.Problems(card), problem => problem.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void TheAssertionsAcceptOnlyTheFullWidthTeamsProperty()
    {
        var wrongWidth = Card("""{"type":"TextBlock","text":"x"}""");
        wrongWidth["msteams"] = JsonNode.Parse("""{"width":"Full","other":1}""");
        Assert.Contains(CardAssertions.Problems(wrongWidth), problem => problem.StartsWith("msteams", StringComparison.Ordinal));

        var otherRoot = Card("""{"type":"TextBlock","text":"x"}""");
        otherRoot["teams"] = true;
        Assert.Contains(CardAssertions.Problems(otherRoot), problem => problem.StartsWith("schema", StringComparison.Ordinal));

        Assert.Empty(CardAssertions.Problems(Card("""{"type":"TextBlock","text":"x"}""")));
    }

    [Fact]
    public void TheAssertionsCatchAnOversizedCard()
    {
        var card = Card($$"""{"type":"TextBlock","text":"{{new string('x', CardAssertions.MaxBytes)}}"}""");
        Assert.Contains(CardAssertions.Problems(card), problem => problem.StartsWith("size", StringComparison.Ordinal));
    }

    private static JsonObject Card(string element) => JsonNode.Parse($$"""
        {"type":"AdaptiveCard","version":"1.5","lang":"fr","speak":"s","fallbackText":"f",
         "msteams":{"width":"Full"},"body":[{{element}}]}
        """)!.AsObject();
}
