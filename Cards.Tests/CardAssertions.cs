using System.Text;
using System.Text.Json.Nodes;
using NJsonSchema;
using SecretBot.Cards.Compose;
using SecretBot.Cards.Model;


namespace SecretBot.Cards.Tests;

/// <summary>
/// What every card SecretBot sends must satisfy: the official Adaptive Card 1.5 schema, Teams'
/// full width, the size limit, the accessibility rules (text, titles, alternative text), the
/// phone's budget of visible characters and French typography (<see cref="PrintedCard"/>).
/// </summary>
public static class CardAssertions
{
    public const int MaxBytes = 28 * 1024;

    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFileAsync(RepositoryPaths.AdaptiveCardSchema).GetAwaiter().GetResult());

    public static void AssertValid(AdaptiveCard card) => AssertValid(card.ToJsonObject());

    public static void AssertValid(JsonObject card)
    {
        var problems = Problems(card);
        Assert.True(problems.Count == 0, $"Card is invalid:\n{string.Join("\n", problems)}\n{card.ToJsonString()}");
    }

    /// <summary>Every rule broken by the card, in words; empty when the card is valid.</summary>
    public static IReadOnlyList<string> Problems(JsonObject card)
    {
        var problems = new List<string>();
        var size = Encoding.UTF8.GetByteCount(card.ToJsonString());
        if (size >= MaxBytes)
            problems.Add($"size {size} bytes, limit {MaxBytes}");

        // The 1.5 schema forbids unknown root properties; Teams adds exactly one, checked apart.
        var withoutTeams = card.DeepClone().AsObject();
        if (!JsonNode.DeepEquals(withoutTeams["msteams"], JsonNode.Parse("""{"width":"Full"}""")))
            problems.Add($"msteams must be exactly {{\"width\":\"Full\"}}, found {withoutTeams["msteams"]?.ToJsonString() ?? "nothing"}");
        withoutTeams.Remove("msteams");
        problems.AddRange(Schema.Value.Validate(withoutTeams.ToJsonString()).Select(error => $"schema: {error}"));

        if ((string?)card["version"] != "1.5")
            problems.Add("version must be 1.5");
        foreach (var property in new[] { "speak", "fallbackText", "lang" })
        {
            if (string.IsNullOrWhiteSpace(card[property]?.GetValue<string>()))
                problems.Add($"{property} is missing");
        }
        foreach (var node in Objects(card))
            problems.AddRange(ElementProblems(node));
        if (PrintedCard.VisibleLength(card) is var visible && visible > PrintedCard.VisibleBudget)
            problems.Add($"{visible} characters show before anything is unfolded; a phone takes {PrintedCard.VisibleBudget}");
        problems.AddRange(PrintedCard.TypographyProblems(card));
        return problems;
    }

    private static IEnumerable<string> ElementProblems(JsonObject node)
    {
        var type = node["type"]?.GetValue<string>() ?? "";
        if (type is "TextBlock" or "TextRun" && string.IsNullOrWhiteSpace(node["text"]?.GetValue<string>()))
            yield return $"{type} without text";
        if (type.StartsWith("Action.", StringComparison.Ordinal) && string.IsNullOrWhiteSpace(node["title"]?.GetValue<string>()))
            yield return $"{type} without title";
        if (type.StartsWith("Action.", StringComparison.Ordinal) && node["title"]?.GetValue<string>() is { Length: > CardParts.ButtonTitleLength } title)
            yield return $"{type} title \"{title}\" is longer than {CardParts.ButtonTitleLength} characters: Teams cuts it";
        if (type == "Image" && string.IsNullOrWhiteSpace(node["altText"]?.GetValue<string>()))
            yield return "Image without altText";
        if (type == "Action.Submit" && node["data"] is JsonObject { } data && data.ContainsKey("msteams"))
            yield return "Action.Submit with msteams data (messageBack/imBack): the Playground drops it";
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject obj => [obj, .. obj.SelectMany(pair => Objects(pair.Value))],
        JsonArray array => array.SelectMany(Objects),
        _ => [],
    };
}
