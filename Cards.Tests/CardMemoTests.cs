using System.Text.Json.Nodes;
using SecretBot.Cards.Model;

namespace SecretBot.Cards.Tests;

public sealed class CardMemoTests
{
    private static AdaptiveCard Card(string text) => new("fr", "dit", "texte de repli", [new TextBlock(text)]);

    [Fact]
    public void AKeptCardIsTheSameJsonAsADrawnOneAndEachCallerGetsItsOwnNode()
    {
        var memo = new CardMemo();
        var draws = 0;
        var first = memo.Get("k", () => { draws++; return Card("Bonjour"); });
        var second = memo.Get("k", () => { draws++; return Card("Bonjour"); });

        Assert.Equal(1, draws);
        Assert.Equal("texte de repli", second.FallbackText);
        Assert.True(JsonNode.DeepEquals(Card("Bonjour").ToJsonObject(), second.Json));
        Assert.NotSame(first.Json, second.Json);
        first.Json["lang"] = "en";
        Assert.Equal("fr", (string?)memo.Get("k", () => Card("Bonjour")).Json["lang"]);
    }

    [Fact]
    public void PastItsCapacityCardsAreDrawnEachTime()
    {
        var memo = new CardMemo(capacity: 1);
        var draws = 0;
        memo.Get("a", () => { draws++; return Card("a"); });
        memo.Get("b", () => { draws++; return Card("b"); });
        memo.Get("b", () => { draws++; return Card("b"); });
        memo.Get("a", () => { draws++; return Card("a"); });

        Assert.Equal(3, draws);
    }
}
