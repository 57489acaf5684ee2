using SecretBot.Knowledge.Model;
using YamlDotNet.RepresentationModel;

namespace SecretBot.Knowledge.Loading;

/// <summary>Reads <c>routing.yaml</c>: intent phrases per topic, urgency cues per situation.</summary>
internal static class RoutingReader
{
    public static RoutingHints Read(YamlFile file)
    {
        if (file.Root() is not { } root)
        {
            return RoutingHints.None;
        }

        var intents = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (file.Node(root, "intents", required: true) is YamlMappingNode intentMap)
        {
            foreach (var (key, value) in intentMap.Children)
            {
                var topic = ((YamlScalarNode)key).Value ?? "";
                if (!Topics.All.Contains(topic))
                {
                    file.Report(key, $"intent topic '{topic}' is not a topic ({string.Join(", ", Topics.All)})");
                }

                intents[topic] = Words(file, value);
            }
        }

        var urgent = new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>(StringComparer.Ordinal);
        if (file.Node(root, "urgent", required: true) is YamlMappingNode urgentMap)
        {
            foreach (var (key, value) in urgentMap.Children)
            {
                var situation = ((YamlScalarNode)key).Value ?? "";
                if (!Situations.All.Contains(situation))
                {
                    file.Report(key, $"urgent situation '{situation}' is not one of {string.Join(", ", Situations.All)}");
                }

                urgent[situation] = value is YamlSequenceNode cues
                    ? cues.Children.Select(cue => Words(file, cue)).ToList()
                    : [];
            }
        }

        return new RoutingHints(intents, urgent);
    }

    private static IReadOnlyList<string> Words(YamlFile file, YamlNode node)
    {
        if (node is YamlSequenceNode list && list.Children.Count > 0)
        {
            return list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(s => s.Length > 0).ToList();
        }

        file.Report(node, "expected a non-empty list of words");
        return [];
    }
}
