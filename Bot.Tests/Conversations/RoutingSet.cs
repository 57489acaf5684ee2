using SecretBot.Bot.Tests.Infrastructure;
using SecretBot.Knowledge.Model;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SecretBot.Bot.Tests.Conversations;

/// <summary>The labelled routing set (routing.yaml): messages as people type them, and where each must go.</summary>
public sealed class RoutingSet
{
    public List<Labelled> Messages { get; set; } = [];

    public sealed class Labelled
    {
        public Jurisdiction J { get; set; }
        public string Text { get; set; } = "";
        public string Expect { get; set; } = "";
    }

    public static RoutingSet Load() =>
        new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
            .Deserialize<RoutingSet>(File.ReadAllText(RepositoryPaths.InRoot("Bot.Tests", "Conversations", "routing.yaml")));
}
