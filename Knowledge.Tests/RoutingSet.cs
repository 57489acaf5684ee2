using SecretBot.Knowledge.Model;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SecretBot.Knowledge.Tests;

/// <summary>The labelled routing set (routing.yaml): messages as people type them, and where each must go.</summary>
public sealed class RoutingSet
{
    public List<Labelled> Messages { get; set; } = [];

    public sealed class Labelled
    {
        public Jurisdiction J { get; set; }
        public string Text { get; set; } = "";
        public string Expect { get; set; } = "";

        /// <summary>The danger words are denied or in the past: the message must not be read as a present danger.</summary>
        public bool Negated { get; set; }

        /// <summary>What the message answers unambiguously (question id → choice id); anything else pre-filled is wrong.</summary>
        public Dictionary<string, string> Prefill { get; set; } = [];
    }

    public static RoutingSet Load() =>
        new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
            .Deserialize<RoutingSet>(File.ReadAllText(RepositoryPaths.InRoot("Knowledge.Tests", "routing.yaml")));
}
