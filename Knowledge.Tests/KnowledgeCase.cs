using SecretBot.Knowledge.Model;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SecretBot.Knowledge.Tests;

/// <summary>One scenario from Knowledge/cases/*.yaml: answers in, expected answer out.</summary>
public sealed class KnowledgeCase
{
    public string Name { get; set; } = "";
    public string? Source { get; set; }
    public Jurisdiction Jurisdiction { get; set; }
    public string Topic { get; set; } = "";
    public Dictionary<string, string> Answers { get; set; } = [];
    public Expectation Expect { get; set; } = new();

    public string File { get; set; } = "";

    public override string ToString() => $"{Jurisdiction}/{Topic}: {Name}";

    public sealed class Expectation
    {
        public string Outcome { get; set; } = "";
        public string? Verdict { get; set; }
        public List<string> References { get; set; } = [];
        public List<string> Words { get; set; } = [];
        public List<string> ConditionsMet { get; set; } = [];
        public List<string> ConditionsMissing { get; set; } = [];
    }

    private sealed class CaseFile
    {
        public List<KnowledgeCase> Cases { get; set; } = [];
    }

    public static IReadOnlyList<KnowledgeCase> LoadAll(string directory)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        return Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal)
            .SelectMany(path =>
            {
                var file = deserializer.Deserialize<CaseFile>(System.IO.File.ReadAllText(path));
                file.Cases.ForEach(c => c.File = Path.GetFileName(path));
                return file.Cases;
            })
            .ToList();
    }
}
