using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SecretBot.Cards.Catalog;

namespace SecretBot.Cards.Tests;

/// <summary>
/// A card read as a person on a phone reads it: what shows before anything is unfolded, and
/// whether its French is typeset as printed (no-break spaces before ? : ! ; and inside « »,
/// « 1er », one apostrophe, no point médian). <see cref="CardAssertions"/> applies both to every
/// card the tests draw.
/// </summary>
public static partial class PrintedCard
{
    /// <summary>What the budget allows before anything is unfolded.</summary>
    public const int VisibleBudget = AnswerCard.VisibleBudget;

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

    /// <summary>Every typesetting fault of the card's texts, in words, by the card's language.</summary>
    public static IEnumerable<string> TypographyProblems(JsonObject card)
    {
        var french = ((string?)card["lang"])?.StartsWith("fr", StringComparison.OrdinalIgnoreCase) == true;
        foreach (var text in Texts(card).Select(WithoutAddresses).Distinct())
        {
            if (text.Contains('\''))
                yield return $"a straight apostrophe in « {text} »";
            if (PointMedian().IsMatch(text))
                yield return $"a point médian in « {text} »";
            if (!french)
                continue;
            if (LooseSpace().Match(text) is { Success: true } loose)
                yield return $"a plain space before « {loose.Value.Trim()} » in « {text} »";
            if (QuoteWithoutSpace().IsMatch(text))
                yield return $"« » without no-break spaces in « {text} »";
            if (MonthAfterOne().IsMatch(text))
                yield return $"« 1 » instead of « 1er » in « {text} »";
        }
    }

    /// <summary>Every text a person sees or hears: texts, titles, fact values, speak, fallback.</summary>
    public static IEnumerable<string> Texts(JsonNode? node) => node switch
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

    [GeneratedRegex(@"\]\([^)\s]*\)|https?://\S+")]
    private static partial Regex Address();

    // "Un·e", not the " · " that separates numbers on a line.
    [GeneratedRegex(@"\p{L}·\p{L}")]
    private static partial Regex PointMedian();

    [GeneratedRegex(@" [?!;:]")]
    private static partial Regex LooseSpace();

    [GeneratedRegex(@"«[^\u00A0\u202F]|[^\u00A0\u202F]»")]
    private static partial Regex QuoteWithoutSpace();

    [GeneratedRegex(@"\b1 (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b")]
    private static partial Regex MonthAfterOne();
}
