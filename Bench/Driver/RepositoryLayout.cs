using System.Reflection;
using System.Text.Json.Nodes;

namespace SecretBot.Bench.Driver;

/// <summary>Where the bench finds the builds it runs and writes its results.</summary>
public static class RepositoryLayout
{
    /// <summary>The folder this bench assembly runs from (…/Bench/bin/Release/net10.0).</summary>
    public static string BenchDirectory => AppContext.BaseDirectory;

    public static string BenchDll => Path.Combine(BenchDirectory, "SecretBot.Bench.dll");

    public static string Configuration =>
        typeof(RepositoryLayout).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "unknown";

    public static string Root { get; } = FindRoot();

    /// <summary>The product's own build, in the same configuration as the bench.</summary>
    public static string BotDll => Path.Combine(Root, "Bot", "bin", Configuration, "net10.0", "SecretBot.Bot.dll");

    public static string Artifacts(string fileName)
    {
        var dir = Path.Combine(Root, "artifacts", "bench");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, fileName);
    }

    /// <summary>
    /// The runtime settings (GC, tiering…) the bench host runs with differ from the product's: the
    /// figures would not be the product's. Returns what differs, or nothing.
    /// </summary>
    public static IReadOnlyList<string> RuntimeDifferences()
    {
        var bench = RuntimeProperties(Path.ChangeExtension(BenchDll, ".runtimeconfig.json"));
        var bot = RuntimeProperties(Path.ChangeExtension(BotDll, ".runtimeconfig.json"));
        return bench.Keys.Union(bot.Keys)
            .Where(key => bench.GetValueOrDefault(key) != bot.GetValueOrDefault(key))
            .Select(key => $"{key}: bench {bench.GetValueOrDefault(key) ?? "unset"}, bot {bot.GetValueOrDefault(key) ?? "unset"}")
            .ToList();
    }

    private static Dictionary<string, string?> RuntimeProperties(string path)
    {
        var properties = JsonNode.Parse(File.ReadAllText(path))?["runtimeOptions"]?["configProperties"]?.AsObject();
        return properties?.ToDictionary(p => p.Key, p => p.Value?.ToJsonString()) ?? [];
    }

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
