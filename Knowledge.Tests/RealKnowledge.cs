using SecretBot.Knowledge.Loading;
using SecretBot.Knowledge.Model;

namespace SecretBot.Knowledge.Tests;

/// <summary>The real rule base, loaded once from the repository's Knowledge/data.</summary>
public static class RealKnowledge
{
    private static readonly Lazy<KnowledgeBase> Base = new(() => KnowledgeLoader.Load(DataDirectory));

    public static string DataDirectory => RepositoryPaths.InRoot("Knowledge", "data");

    public static string CasesDirectory => RepositoryPaths.InRoot("Knowledge", "cases");

    public static KnowledgeBase Value => Base.Value;
}
