namespace SecretBot.Testing;

/// <summary>Where the repository and the sibling <c>shared/</c> folder are, seen from the test binaries.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The steering repository's shared folder (design, schemas, fixtures): SECRETBOT_SHARED when set,
    /// else the first "shared" folder beside the repository or one of its parents (a git worktree
    /// sits one level deeper than the main checkout).
    /// </summary>
    public static string Shared { get; } = FindShared();

    public static string AdaptiveCardSchema => Path.Combine(Shared, "adaptive-cards", "adaptive-card-1.5.schema.json");

    public static string TeamsLightHostConfig => Path.Combine(Shared, "adaptive-cards", "teams-hostconfig-light.json");

    public static string InRoot(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SecretBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SecretBot.sln not found above " + AppContext.BaseDirectory);
    }

    private static string FindShared()
    {
        if (Environment.GetEnvironmentVariable("SECRETBOT_SHARED") is { Length: > 0 } configured)
        {
            return Directory.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"SECRETBOT_SHARED={configured} is not a folder.");
        }

        for (var dir = Directory.GetParent(Root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "adaptive-cards")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No shared/adaptive-cards folder beside {Root} or its parents; set SECRETBOT_SHARED.");
    }
}
