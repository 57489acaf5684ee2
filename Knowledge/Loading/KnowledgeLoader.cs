using SecretBot.Knowledge.Model;
using SecretBot.Knowledge.Validation;

namespace SecretBot.Knowledge.Loading;

/// <summary>
/// Loads the rule base from its folder (<c>version.yaml</c>, <c>be/</c>, <c>fr/</c>) and validates
/// it. Anything wrong stops the load with every problem listed, each with its file and line.
/// </summary>
public static class KnowledgeLoader
{
    /// <summary>The folder deployed next to the assembly.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "knowledge");

    public static KnowledgeBase Load(string? directory = null)
    {
        var root = directory ?? DefaultDirectory;
        var problems = new Problems();
        var version = ReadVersion(root, problems);
        var synonyms = ReadSynonyms(root, problems);
        var routing = RoutingReader.Read(new YamlFile(Path.Combine(root, "routing.yaml"), "routing.yaml", problems));
        var jurisdictions = new Dictionary<Jurisdiction, JurisdictionKnowledge>();
        foreach (var jurisdiction in Enum.GetValues<Jurisdiction>())
        {
            jurisdictions[jurisdiction] = ReadJurisdiction(root, jurisdiction, problems);
        }

        if (!problems.Any && version is not null)
        {
            KnowledgeValidator.Validate(jurisdictions.Values, version.Date, problems);
        }

        if (problems.Any || version is null)
        {
            throw new KnowledgeValidationException(problems.All);
        }

        return new KnowledgeBase(version, jurisdictions, synonyms, routing);
    }

    private static KnowledgeVersion? ReadVersion(string root, Problems problems)
    {
        var file = new YamlFile(Path.Combine(root, "version.yaml"), "version.yaml", problems);
        if (file.Root() is not { } map)
        {
            return null;
        }

        var version = file.String(map, "version");
        var date = file.Date(map, "date");
        return version is null || date is null ? null : new KnowledgeVersion(version, date.Value);
    }

    private static List<IReadOnlyList<string>> ReadSynonyms(string root, Problems problems)
    {
        var file = new YamlFile(Path.Combine(root, "synonyms.yaml"), "synonyms.yaml", problems);
        var groups = new List<IReadOnlyList<string>>();
        if (file.Root() is not { } map)
        {
            return groups;
        }

        foreach (var node in file.Sequence(map, "groups"))
        {
            if (node is YamlDotNet.RepresentationModel.YamlSequenceNode words && words.Children.Count >= 2)
            {
                groups.Add(words.Children.OfType<YamlDotNet.RepresentationModel.YamlScalarNode>().Select(w => w.Value ?? "").ToList());
            }
            else
            {
                file.Report(node, "each synonym group must be a list of at least two words");
            }
        }

        return groups;
    }

    private static JurisdictionKnowledge ReadJurisdiction(string root, Jurisdiction jurisdiction, Problems problems)
    {
        var folder = jurisdiction.ToString().ToLowerInvariant();
        YamlFile File(string name) => new(Path.Combine(root, folder, name + ".yaml"), $"{folder}/{name}.yaml", problems);

        var interviews = new Dictionary<string, Interview>();
        foreach (var topic in Topics.All)
        {
            if (InterviewReader.Read(File(topic), jurisdiction, topic) is { } interview)
            {
                interviews[topic] = interview;
            }
        }

        return new JurisdictionKnowledge(jurisdiction, interviews,
            Unique(SourcesReader.References(File("references")), r => r.Id, $"{folder}/references.yaml", problems),
            Unique(SourcesReader.Resources(File("resources")), r => r.Id, $"{folder}/resources.yaml", problems),
            Unique(SourcesReader.Lookups(File("lookups")), l => l.Id, $"{folder}/lookups.yaml", problems).Values.ToList());
    }

    private static Dictionary<string, T> Unique<T>(IEnumerable<(T Item, int Line)> items, Func<T, string> id, string file, Problems problems)
    {
        var byId = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (item, line) in items)
        {
            if (!byId.TryAdd(id(item), item))
            {
                problems.Add(file, line, $"id '{id(item)}' is used twice");
            }
        }

        return byId;
    }
}
