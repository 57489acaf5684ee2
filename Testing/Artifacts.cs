namespace SecretBot.Testing;

/// <summary>Files tests leave for a person to look at (screenshots, reports), under artifacts/ (not committed).</summary>
public static class Artifacts
{
    public static string PathFor(string area, string fileName)
    {
        var dir = RepositoryPaths.InRoot("artifacts", area);
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, fileName);
    }
}
