using System.Text.Json.Nodes;
using SecretBot.Cards.Model;

namespace SecretBot.Cards.Tests;

public sealed class CardModelTests
{
    private static AdaptiveCard Card(params IReadOnlyList<CardElement> body) => new("fr", "dit", "texte", body);

    [Fact]
    public void InvalidStatesCannotBeBuilt()
    {
        Assert.Throws<ArgumentException>(() => new TextBlock(""));
        Assert.Throws<ArgumentException>(() => new TextBlock("  "));
        Assert.Throws<ArgumentException>(() => new Image(new Uri("https://example.org/a.png"), ""));
        Assert.Throws<ArgumentException>(() => new SubmitAction(" ", new ActionData()));
        Assert.Throws<ArgumentException>(() => new ExecuteAction("", "answer", new ActionData()));
        Assert.Throws<ArgumentException>(() => new ExecuteAction("Oui", "", new ActionData()));
        Assert.Throws<ArgumentException>(() => new ExecuteAction("Oui", "answer", new ActionData { ["verb"] = "x" }));
        Assert.Throws<ArgumentException>(() => new ToggleVisibilityAction("Voir"));
        Assert.Throws<ArgumentException>(() => new OpenUrlAction("Lien", new Uri("/relative", UriKind.Relative)));
        Assert.Throws<ArgumentException>(() => new Container([]));
        Assert.Throws<ArgumentException>(() => new FactSet([]));
        Assert.Throws<ArgumentException>(() => new Fact("Titre", ""));
        Assert.Throws<ArgumentException>(() => new ActionSet(Enumerable.Range(0, 7).Select(i => (CardAction)new SubmitAction($"b{i}", new ActionData())).ToArray()));
        Assert.Throws<ArgumentException>(() => new AdaptiveCard("fr", "", "texte", [new TextBlock("x")]));
        Assert.Throws<ArgumentException>(() => new AdaptiveCard("fr", "dit", "texte", []));
        Assert.Throws<ArgumentException>(() => new Container([new TextBlock("x")]) { SelectAction = new ShowCardAction("Plus", new NestedCard([new TextBlock("y")])) });
    }

    [Fact]
    public void TheRootCarriesVersionLanguageSpeechAndTeamsWidth()
    {
        var json = Card(new TextBlock("Bonjour")).ToJsonObject();
        Assert.Equal("AdaptiveCard", (string?)json["type"]);
        Assert.Equal("1.5", (string?)json["version"]);
        Assert.Equal("fr", (string?)json["lang"]);
        Assert.Equal("dit", (string?)json["speak"]);
        Assert.Equal("texte", (string?)json["fallbackText"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"width":"Full"}"""), json["msteams"]));
        Assert.False(json.ContainsKey("actions"));
    }

    [Fact]
    public void ElementsAreWrittenWithTheirTypeCamelCaseAndWithoutNulls()
    {
        var json = Card(new TextBlock("Titre") { Style = TextBlockStyle.Heading, Size = TextSize.ExtraLarge, Color = TextColor.Attention })
            .ToJsonObject()["body"]![0]!.AsObject();
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"type":"TextBlock","text":"Titre","size":"extraLarge","color":"attention","wrap":true,"style":"heading"}"""),
            json), json.ToJsonString());
    }

    [Fact]
    public void AnExecuteButtonFallsBackToASubmitWithTheSameDataAndItsVerb()
    {
        var execute = new ExecuteAction("L’école", "answer", new ActionData { ["topic"] = "share", ["choice"] = "school" }) { Style = ActionStyle.Positive };
        var json = Card(new ActionSet([execute])).ToJsonObject()["body"]![0]!["actions"]![0]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"type":"Action.Execute","verb":"answer","data":{"topic":"share","choice":"school"},
             "fallback":{"type":"Action.Submit","data":{"topic":"share","choice":"school","verb":"answer"},"title":"L’école","style":"positive"},
             "title":"L’école","style":"positive"}
            """), json), json.ToJsonString());
    }

    [Fact]
    public void ColumnsContainersAndTogglesSerialiseAsTheSchemaSpellsThem()
    {
        var card = Card(
            new ColumnSet([
                new Column([new TextBlock("1.")]) { Width = ColumnWidth.Auto },
                new Column([new TextBlock("a")]) { Width = ColumnWidth.Weighted(2) },
                new Column([new Image(new Uri("https://example.org/logo.png"), "Logo")]) { Width = ColumnWidth.Stretch },
            ]),
            new Container([new RichTextBlock([new TextRun("✓") { Color = TextColor.Good }])]) { Id = "more", IsVisible = false, Style = ContainerStyle.Emphasis, Bleed = true },
            new ActionSet([
                new ToggleVisibilityAction("Voir", "more"),
                new OpenUrlAction("Loi", new Uri("https://example.org/loi")),
                new ShowCardAction("Détails", new NestedCard([new FactSet([new Fact("Qui", "Moi")])])),
            ]));
        var json = card.ToJsonObject();
        var columns = json["body"]![0]!["columns"]!.AsArray();
        Assert.Equal(["auto", "2", "stretch"], columns.Select(column => column!["width"]!.ToJsonString().Trim('"')));
        Assert.Equal("Column", (string?)columns[0]!["type"]);
        Assert.Equal("Logo", (string?)columns[2]!["items"]![0]!["altText"]);
        var container = json["body"]![1]!;
        Assert.Equal(false, (bool?)container["isVisible"]);
        Assert.Equal("TextRun", (string?)container["items"]![0]!["inlines"]![0]!["type"]);
        var actions = json["body"]![2]!["actions"]!.AsArray();
        Assert.Equal(["Action.ToggleVisibility", "Action.OpenUrl", "Action.ShowCard"], actions.Select(action => (string?)action!["type"]));
        Assert.Equal("AdaptiveCard", (string?)actions[2]!["card"]!["type"]);
        CardAssertions.AssertValid(json);
    }
}
