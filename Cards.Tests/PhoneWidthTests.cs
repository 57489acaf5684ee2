using System.Text.Json;
using System.Text.Json.Nodes;
using SecretBot.Testing;

namespace SecretBot.Cards.Tests;

/// <summary>
/// Every card variant, folded and unfolded, drawn by the official renderer in Chromium at a phone's
/// width (340 px of card) and at Teams desktop's (500 px): no button title is cut and nothing sticks
/// out of the card (tools/cards/render.js --check). Pictures of them are in docs/cards/.
/// </summary>
public sealed class PhoneWidthTests
{
    [Theory]
    [InlineData(340)]
    [InlineData(500)]
    public void EveryCardIsReadWholeAtThisWidth(int width)
    {
        var folder = Directory.CreateTempSubdirectory("secretbot-cards-").FullName;
        var samples = CardSamples.All().ToList();
        foreach (var sample in samples)
            File.WriteAllText(Path.Combine(folder, sample.FileName + ".json"), sample.Card.ToJson());

        var (exitCode, cards, problems) = Check(folder, width);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(0, exitCode);
        // Each card once, and once more unfolded when it has hidden parts.
        Assert.InRange(cards, samples.Count, 2 * samples.Count);
        Figures.Report($"cards.drawn-{width}px", $"{cards} cards drawn at {width} px: no cut button, nothing sticking out");
    }

    [Fact]
    public void TheCheckSeesACutButtonAndAWideElement()
    {
        var folder = Directory.CreateTempSubdirectory("secretbot-cards-").FullName;
        var card = CardSamples.All().First(sample => sample.Name == "question").Card.ToJsonObject();
        card["actions"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = "Une très longue étiquette de bouton qu'un téléphone coupe forcément",
            ["verb"] = "noop",
        });
        card["body"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "ColumnSet",
            ["columns"] = new JsonArray(new JsonObject
            {
                ["type"] = "Column",
                ["width"] = "600px",
                ["items"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "large" }),
            }),
        });
        File.WriteAllText(Path.Combine(folder, "too-wide.json"), card.ToJsonString());

        var (exitCode, _, problems) = Check(folder, 340);

        Assert.Equal(1, exitCode);
        Assert.Contains(problems, problem => problem.Contains("is cut", StringComparison.Ordinal) && problem.Contains("longue étiquette", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Contains("sticks out", StringComparison.Ordinal));
    }

    private static (int ExitCode, int Cards, IReadOnlyList<string> Problems) Check(string folder, int width)
    {
        var run = NodeTool.Cards.Node("render.js", "--check", width.ToString(System.Globalization.CultureInfo.InvariantCulture),
            folder, RepositoryPaths.TeamsLightHostConfig);
        Assert.True(run.ExitCode is 0 or 1, $"render.js --check failed ({run.ExitCode}): {run.Errors}");
        using var json = JsonDocument.Parse(run.Output);
        var problems = json.RootElement.GetProperty("problems").EnumerateArray().Select(problem => problem.GetString()!).ToList();
        return (run.ExitCode, json.RootElement.GetProperty("cards").GetInt32(), problems);
    }
}
