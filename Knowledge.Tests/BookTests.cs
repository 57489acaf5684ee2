using SecretBot.KnowledgeTool;

namespace SecretBot.Knowledge.Tests;

/// <summary>docs/knowledge.md is the rule base in plain French; it must match the data.</summary>
public sealed class BookTests
{
    [Fact]
    public void TheCheckedInBookIsCurrent()
    {
        var path = RepositoryPaths.InRoot("docs", "knowledge.md");
        var rendered = KnowledgeBook.Render(RealKnowledge.Value);
        if (Environment.GetEnvironmentVariable("SECRETBOT_UPDATE_BOOK") == "1")
        {
            File.WriteAllText(path, rendered);
        }

        Assert.True(File.Exists(path) && File.ReadAllText(path) == rendered,
            "docs/knowledge.md is stale: regenerate it with SECRETBOT_UPDATE_BOOK=1 ./test.sh (or dotnet test with that variable) and commit it.");
    }

    [Fact]
    public void TheBookCoversEveryOutcomeAndReference()
    {
        var book = KnowledgeBook.Render(RealKnowledge.Value);
        foreach (var jurisdiction in RealKnowledge.Value.Jurisdictions.Values)
        {
            Assert.All(jurisdiction.Interviews.Values.SelectMany(i => i.Outcomes), o => Assert.Contains($"(`{o.Id}`)", book));
            Assert.All(jurisdiction.References.Keys, id => Assert.Contains($"(`{id}`)", book));
        }
    }
}
