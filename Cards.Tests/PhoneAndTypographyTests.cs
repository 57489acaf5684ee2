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
        var lengths = Every.Select(sample => (sample.FileName, Length: VisibleLength(sample.Card.ToJsonObject()))).OrderByDescending(s => s.Length).ToList();
        lengths.Take(8).ToList().ForEach(s => output.WriteLine($"{s.Length,5}  {s.FileName}"));
        Figures.Report("cards.visible-chars", $"{lengths.Count} cards; longest {lengths[0].Length} ({lengths[0].FileName}); " +
                                              $"answer cards at most {lengths.Where(s => s.FileName.StartsWith("answer-")).Max(s => s.Length)}");
        var over = lengths.Where(s => s.Length > AnswerCard.VisibleBudget).ToList();
        Assert.True(over.Count == 0, "over the phone budget: " + string.Join(", ", over.Select(s => $"{s.FileName} {s.Length}")));
    }

    [Fact]
    public void FrenchIsTypesetAsPrinted()
    {
        var problems = new List<string>();
        foreach (var sample in Every.Where(s => s.Language == Knowledge.Model.Language.Fr))
        {
            foreach (var text in Texts(sample.Card.ToJsonObject()).Select(WithoutAddresses))
            {
                if (LooseSpace().Match(text) is { Success: true } loose)
                    problems.Add($"{sample.FileName}: a plain space before « {loose.Value.Trim()} » in « {text} »");
                if (text.Contains('\''))
                    problems.Add($"{sample.FileName}: a straight apostrophe in « {text} »");
                if (PointMedian().IsMatch(text))
                    problems.Add($"{sample.FileName}: a point médian in « {text} »");
                if (QuoteWithoutSpace().IsMatch(text))
                    problems.Add($"{sample.FileName}: « » without no-break spaces in « {text} »");
                if (text.Contains(" 1 ", StringComparison.Ordinal) && MonthAfterOne().IsMatch(text))
                    problems.Add($"{sample.FileName}: « 1 » instead of « 1er » in « {text} »");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct().Take(40)));
    }

    [Fact]
    public void EnglishHasOneApostropheAndNoFrenchPointMedian()
    {
        var problems = Every.Where(s => s.Language == Knowledge.Model.Language.En)
            .SelectMany(sample => Texts(sample.Card.ToJsonObject()).Select(WithoutAddresses)
                .Where(text => text.Contains('\'') || PointMedian().IsMatch(text))
                .Select(text => $"{sample.FileName}: « {text} »"))
            .Distinct().ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(40)));
    }

    /// <summary>The characters a person sees before unfolding anything: texts and button titles outside hidden containers, Markdown read as words.</summary>
    public static int VisibleLength(JsonNode? node) => node switch
    {
        JsonObject obj when obj["isVisible"] is JsonValue visible && visible.GetValue<bool>() == false => 0,
        JsonObject obj when (string?)obj["type"] == "AdaptiveCard" => VisibleLength(obj["body"]) + VisibleLength(obj["actions"]),
        JsonObject obj => (obj["text"] is JsonValue text ? Words((string)text!).Length : 0)
                          + (obj["title"] is JsonValue title && ((string?)obj["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true ? ((string)title!).Length : 0)
                          + (obj["title"] is JsonValue factTitle && obj["value"] is JsonValue factValue && obj["type"] is null
                              ? ((string)factTitle!).Length + ((string)factValue!).Length
                              : 0)
                          + obj.Where(pair => pair.Key is not ("fallback" or "data" or "text")).Sum(pair => VisibleLength(pair.Value)),
        JsonArray array => array.Sum(VisibleLength),
        _ => 0,
    };

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Where(pair => pair.Key is not ("data" or "url" or "id" or "verb" or "targetElements" or "$schema"))
            .SelectMany(pair => pair.Key is "text" or "title" or "value" or "speak" or "fallbackText" && pair.Value is JsonValue value
                                && value.TryGetValue<string>(out var text)
                ? [text]
                : Texts(pair.Value)),
        JsonArray array => array.SelectMany(Texts),
        _ => [],
    };

    private static string Words(string markdown) => Link().Replace(markdown, "$1").Replace("**", "");

    private static string WithoutAddresses(string text) => Address().Replace(text, "]()");

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\]\([^)\s]*\)")]
    private static partial Regex Address();

    // "Un·e", not the " · " that separates numbers on a line.
    [GeneratedRegex(@"\p{L}·\p{L}")]
    private static partial Regex PointMedian();

    [GeneratedRegex(@" [?!;:]")]
    private static partial Regex LooseSpace();

    [GeneratedRegex(@"«[^\u00A0]|[^\u00A0]»")]
    private static partial Regex QuoteWithoutSpace();

    [GeneratedRegex(@"\b1 (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b")]
    private static partial Regex MonthAfterOne();
}
