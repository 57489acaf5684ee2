using System.Diagnostics;

namespace SecretBot.Knowledge.Tests;

/// <summary><c>dotnet run --project tools/KnowledgeTool -- check</c>, as a jurist runs it.</summary>
public sealed class CheckKnowledgeCommandTests
{
    [Fact]
    public async Task ValidDataReportsBothJurisdictionsAndAllTopicsWithExitCodeZero()
    {
        var (code, output) = await RunAsync("check", "--cases", RealKnowledge.CasesDirectory);
        Assert.Equal(0, code);
        Assert.Contains("valid", output);
        foreach (var line in new[] { "BE           bound", "BE           danger", "FR           share", "FR           police" })
        {
            Assert.Contains(line, output);
        }

        Assert.Matches(@"Case tests: \d{2,}", output);
    }

    [Fact]
    public async Task BrokenDataPrintsFileLineAndReasonWithExitCodeOne()
    {
        var data = Directory.CreateTempSubdirectory("secretbot-check").FullName;
        try
        {
            foreach (var file in Directory.EnumerateFiles(RealKnowledge.DataDirectory, "*.yaml", SearchOption.AllDirectories))
            {
                var target = Path.Combine(data, Path.GetRelativePath(RealKnowledge.DataDirectory, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            var share = Path.Combine(data, "fr", "share.yaml");
            File.WriteAllText(share, File.ReadAllText(share).Replace("outcome: mayor_inform", "outcome: mayor_informs"));

            var (code, output) = await RunAsync("check", "--data", data);
            Assert.Equal(1, code);
            Assert.Matches(@"fr/share\.yaml:\d+: rule leads to unknown outcome 'mayor_informs'", output);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SecretBot.KnowledgeTool.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, output);
    }
}
