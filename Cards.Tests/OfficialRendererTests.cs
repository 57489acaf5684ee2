using System.Text.Json;
using SecretBot.Cards.Model;


namespace SecretBot.Cards.Tests;

/// <summary>
/// Parses every card with the official Adaptive Cards renderer (tools/cards/validate.js) under the
/// Teams light host config. With SECRETBOT_EXPORT_CARDS=folder the cards are written there and
/// kept, for tools/cards/render.sh to draw them.
/// </summary>
public sealed class OfficialRendererTests
{
    [Fact]
    public void TheOfficialRendererParsesEveryCardWithoutErrorOrWarning()
    {
        var folder = ExportFolder();
        foreach (var sample in CardSamples.All())
            File.WriteAllText(Path.Combine(folder, sample.FileName + ".json"), sample.Card.ToJson());

        var report = Validate(folder);

        Assert.Equal(CardSamples.All().Count(), report.Cards);
        Assert.True(report.Problems.Count == 0, string.Join("\n", report.Problems));
        Assert.Equal(0, report.ExitCode);
    }

    [Fact]
    public void TheOfficialRendererReportsABrokenCard()
    {
        var folder = Directory.CreateTempSubdirectory("secretbot-cards-").FullName;
        var broken = QuestionSample().ToJsonObject();
        broken["body"]!.AsArray()[0]!["size"] = "enormous";
        broken["actions"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "Action.ToggleVisibility",
            ["title"] = "?",
            ["targetElements"] = new System.Text.Json.Nodes.JsonArray("nowhere"),
        });
        File.WriteAllText(Path.Combine(folder, "broken.json"), broken.ToJsonString());

        var report = Validate(folder);

        Assert.Equal(1, report.ExitCode);
        Assert.Contains(report.Problems, problem => problem.Contains("InvalidPropertyValue", StringComparison.Ordinal));
        Assert.Contains(report.Problems, problem => problem.Contains("nowhere", StringComparison.Ordinal));
    }

    private static AdaptiveCard QuestionSample() => CardSamples.All().First(sample => sample.Name == "question").Card;

    private sealed record Report(int ExitCode, int Cards, IReadOnlyList<string> Problems);

    private static Report Validate(string folder)
    {
        var run = NodeTool.Cards.Node("validate.js", folder, RepositoryPaths.TeamsLightHostConfig);
        Assert.True(run.ExitCode is 0 or 1, $"validate.js failed ({run.ExitCode}): {run.Errors}");
        using var json = JsonDocument.Parse(run.Output);
        var problems = json.RootElement.GetProperty("problems").EnumerateArray()
            .Select(problem => problem.GetRawText())
            .ToArray();
        return new Report(run.ExitCode, json.RootElement.GetProperty("cards").GetInt32(), problems);
    }

    private static string ExportFolder()
    {
        if (Environment.GetEnvironmentVariable("SECRETBOT_EXPORT_CARDS") is { Length: > 0 } export)
            return Directory.CreateDirectory(export).FullName;
        return Directory.CreateTempSubdirectory("secretbot-cards-").FullName;
    }
}
