namespace SecretBot.Bot.Tests.Infrastructure;

/// <summary>Where the repository and the sibling <c>shared/</c> folder are, seen from the test binaries.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The steering repository's shared folder (design, schemas, fixtures); <c>SECRETBOT_SHARED</c> overrides it.</summary>
    public static string Shared => Environment.GetEnvironmentVariable("SECRETBOT_SHARED") is { Length: > 0 } shared
        ? shared
        : Path.GetFullPath(Path.Combine(Root, "..", "shared"));

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
}
