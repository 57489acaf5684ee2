using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SecretBot.Cards.Catalog;
using SecretBot.Cards.Model;

namespace SecretBot.Cards.Tests;

/// <summary>
/// Every card the tests draw — each kind from the catalog, and every question, answer and look-up
/// of the real knowledge, in both languages — read as a person on a phone reads it: what shows
/// before anything is unfolded fits the budget, and French is typeset as it is printed.
/// </summary>
public sealed partial class PhoneAndTypographyTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly IReadOnlyList<CardSample> Every = CardSamples.All().ToList();

    [Fact]
    public void WhatShowsBeforeAnythingIsUnfoldedFitsAPhone()
    {
        var lengths = Every.Select(sample => (sample.FileName, Length: PrintedCard.VisibleLength(sample.Card.ToJsonObject()))).OrderByDescending(s => s.Length).ToList();
        lengths.Take(8).ToList().ForEach(s => output.WriteLine($"{s.Length,5}  {s.FileName}"));
        Figures.Report("cards.visible-chars", $"{lengths.Count} cards; longest {lengths[0].Length} ({lengths[0].FileName}); " +
                                              $"answer cards at most {lengths.Where(s => s.FileName.StartsWith("answer-")).Max(s => s.Length)}");
        var over = lengths.Where(s => s.Length > AnswerCard.VisibleBudget).ToList();
        Assert.True(over.Count == 0, "over the phone budget: " + string.Join(", ", over.Select(s => $"{s.FileName} {s.Length}")));
    }

    [Theory]
    [InlineData(Knowledge.Model.Language.Fr)]
    [InlineData(Knowledge.Model.Language.En)]
    public void TextsAreTypesetAsPrinted(Knowledge.Model.Language language)
    {
        var problems = Every.Where(s => s.Language == language)
            .SelectMany(sample => PrintedCard.TypographyProblems(sample.Card.ToJsonObject()).Select(problem => $"{sample.FileName}: {problem}"))
            .Distinct().ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(40)));
    }

    [Theory]
    [InlineData("Peut-on partager ?", "fr", false)]
    [InlineData("Peut-on partager\u00A0?", "fr", true)]
    [InlineData("l'école", "fr", false)]
    [InlineData("l’école", "fr", true)]
    [InlineData("« oui »", "fr", false)]
    [InlineData("«\u00A0oui\u00A0»", "fr", true)]
    [InlineData("À jour au 1 décembre 2026", "fr", false)]
    [InlineData("À jour au 1er décembre 2026", "fr", true)]
    [InlineData("un·e référent·e", "fr", false)]
    [InlineData("May I share?", "en", true)]
    [InlineData("the school's nurse", "en", false)]
    public void TheTypographyCheckSeesEachFault(string text, string lang, bool printed)
    {
        var card = new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "AdaptiveCard", ["lang"] = lang,
            ["body"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["type"] = "TextBlock", ["text"] = text }),
        };
        Assert.Equal(printed, !PrintedCard.TypographyProblems(card).Any());
    }
}
