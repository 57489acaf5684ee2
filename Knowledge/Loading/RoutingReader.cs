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

        return new RoutingHints(intents, urgent)
        {
            Questions = TopicPhrases(file, root, "questions"),
            QuestionVerbs = TopicPhrases(file, root, "question_verbs"),
            WhatToDo = Optional(file, root, "what_to_do"),
            PoliceActors = Optional(file, root, "police_actors"),
            Requests = Optional(file, root, "requests"),
            CourtActors = Optional(file, root, "court_actors"),
            QuestionForms = Forms(file, root),
            Clitics = Optional(file, root, "clitics"),
            Now = Optional(file, root, "now"),
            NowAlone = Optional(file, root, "now_alone"),
            UrgentInOrder = Optional(file, root, "urgent_in_order"),
            Worries = Optional(file, root, "worries"),
            DefinitionCues = Optional(file, root, "definition_cues"),
            ContextCues = Optional(file, root, "context_cues"),
            LookupCues = Map(file, root, "lookup_cues"),
            Negations = Optional(file, root, "negation"),
            NotNegations = Optional(file, root, "not_negation"),
            Past = Optional(file, root, "past"),
            Present = Optional(file, root, "present"),
            PastEndings = Optional(file, root, "past_endings"),
            Prefill = Prefill(file, root),
        };
    }

    private static Dictionary<string, IReadOnlyList<string>> TopicPhrases(YamlFile file, YamlMappingNode root, string key)
    {
        var phrases = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (file.Node(root, key, required: false) is YamlMappingNode map)
        {
            foreach (var (name, value) in map.Children)
            {
                var topic = ((YamlScalarNode)name).Value ?? "";
                if (!Topics.All.Contains(topic))
                {
                    file.Report(name, $"{key} topic '{topic}' is not a topic ({string.Join(", ", Topics.All)})");
                }

                phrases[topic] = Words(file, value);
            }
        }

        return phrases;
    }

    /// <summary><c>question_forms: { puis je: [je peux, est-ce que je peux, …], … }</c>.</summary>
    private static Dictionary<string, IReadOnlyList<string>> Forms(YamlFile file, YamlMappingNode root) => Map(file, root, "question_forms");

    /// <summary>A map of names to lists of phrases.</summary>
    private static Dictionary<string, IReadOnlyList<string>> Map(YamlFile file, YamlMappingNode root, string key)
    {
        var forms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (file.Node(root, key, required: false) is YamlMappingNode map)
        {
            foreach (var (name, value) in map.Children)
            {
                forms[((YamlScalarNode)name).Value ?? ""] = Words(file, value);
            }
        }

        return forms;
    }

    private static IReadOnlyList<string> Optional(YamlFile file, YamlMappingNode root, string key) =>
        file.Node(root, key, required: false) is { } node ? Words(file, node) : [];

    /// <summary><c>prefill: { speaker: { questions: [role], before: [je suis, …] }, partner: { … } }</c>.</summary>
    private static Dictionary<PrefillFrame, PrefillRule> Prefill(YamlFile file, YamlMappingNode root)
    {
        var rules = new Dictionary<PrefillFrame, PrefillRule>();
        if (file.Node(root, "prefill", required: false) is not YamlMappingNode map)
        {
            return rules;
        }

        foreach (var (name, value) in map.Children)
        {
            var frameName = ((YamlScalarNode)name).Value ?? "";
            if (!Enum.TryParse<PrefillFrame>(frameName, ignoreCase: true, out var frame) || value is not YamlMappingNode rule)
            {
                file.Report(name, $"prefill frame '{frameName}' is not speaker, partner or asker (with questions, and before except for asker)");
                continue;
            }

            rules[frame] = new PrefillRule(file.Strings(rule, "questions", required: true), file.Strings(rule, "before", required: frame != PrefillFrame.Asker));
        }

        return rules;
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
