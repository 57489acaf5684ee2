using SecretBot.Knowledge.Model;
using YamlDotNet.RepresentationModel;

namespace SecretBot.Knowledge.Loading;

/// <summary>Reads one interview file (<c>bound.yaml</c>, <c>share.yaml</c>…) as FORMAT.md describes it.</summary>
internal static class InterviewReader
{
    /// <summary>The longest topic button title read whole at a phone's width (Cards' ButtonTitleLength).</summary>
    private const int TopicButtonLength = 30;

    private static readonly Dictionary<string, Verdict> Verdicts = new()
    {
        ["yes"] = Verdict.Yes, ["no"] = Verdict.No, ["yes_if"] = Verdict.YesIf,
        ["must"] = Verdict.Must, ["may"] = Verdict.May, ["must_not"] = Verdict.MustNot,
    };

    public static Interview? Read(YamlFile file, Jurisdiction jurisdiction, string expectedTopic)
    {
        if (file.Root() is not { } root)
        {
            return null;
        }

        var topic = file.String(root, "topic");
        if (topic is not null && topic != expectedTopic)
        {
            file.Report(root, $"topic '{topic}' does not match the file name '{expectedTopic}.yaml'");
        }

        var keywords = file.Words(root, "keywords");
        var questions = file.Mappings(root, "questions").Select(q => ReadQuestion(file, q)).OfType<Question>().ToList();
        var rules = file.Mappings(root, "rules").Select(r => ReadRule(file, r)).OfType<Rule>().ToList();
        var outcomes = file.Mappings(root, "outcomes").Select(o => ReadOutcome(file, o)).OfType<Outcome>().ToList();
        var title = file.Text(root, "title");
        var button = file.Text(root, "button");
        var summary = file.Text(root, "summary");
        var defaultOutcome = file.String(root, "default");
        if (button is not null && Math.Max(button.Fr.Length, button.En.Length) > TopicButtonLength)
        {
            file.Report(root, $"topic '{topic}': its button title is over {TopicButtonLength} characters (a phone cuts it)");
        }

        if (title is null || button is null || summary is null || defaultOutcome is null)
        {
            return null;
        }

        return new Interview(jurisdiction, expectedTopic, title, summary, keywords.Fr, keywords.En, questions, rules,
            defaultOutcome, outcomes, file.Name) { EmergencyIds = file.Strings(root, "emergency"), Button = button };
    }

    private static Question? ReadQuestion(YamlFile file, YamlMappingNode node)
    {
        var id = file.String(node, "id");
        var text = file.Text(node, "text");
        var shortLabel = file.Text(node, "short");
        if (shortLabel is not null && Math.Max(shortLabel.Fr.Length, shortLabel.En.Length) > 40)
        {
            file.Report(node, $"question '{id}': its short label is over 40 characters");
        }

        var help = file.Text(node, "help");
        var choiceNodes = file.Sequence(node, "choices", required: false);
        if (choiceNodes.Count is < 2 or > 6)
        {
            file.Report(node, $"question '{id}' must offer 2 to 6 choices (it has {choiceNodes.Count})");
        }

        var choices = choiceNodes.OfType<YamlMappingNode>().Select(c => ReadChoice(file, c)).OfType<Choice>().ToList();
        var askWhen = file.Node(node, "ask_when", required: false) is { } when ? ReadCondition(file, when) : null;
        return id is null || text is null || shortLabel is null || help is null
            ? null
            : new Question(id, text, shortLabel, help, choices, askWhen, YamlFile.Line(node));
    }

    private static Choice? ReadChoice(YamlFile file, YamlMappingNode node)
    {
        var id = file.String(node, "id");
        var label = file.Text(node, "label");
        var synonyms = file.Words(node, "synonyms");
        return id is null || label is null ? null : new Choice(id, label, synonyms.Fr, synonyms.En);
    }

    private static Rule? ReadRule(YamlFile file, YamlMappingNode node)
    {
        var outcome = file.String(node, "outcome");
        var when = file.Node(node, "when", required: true) is { } condition ? ReadCondition(file, condition) : null;
        return outcome is null || when is null ? null : new Rule(when, outcome, file.Int(node, "priority", 0), YamlFile.Line(node));
    }

    private static Outcome? ReadOutcome(YamlFile file, YamlMappingNode node)
    {
        var id = file.String(node, "id");
        var verdictText = file.String(node, "verdict");
        Verdict verdict = default;
        if (verdictText is not null && !Verdicts.TryGetValue(verdictText, out verdict))
        {
            file.Report(node, $"verdict '{verdictText}' is not one of {string.Join(", ", Verdicts.Keys)}");
        }

        var title = file.Text(node, "title");
        var keyPointNodes = file.Sequence(node, "key_points");
        if (keyPointNodes.Count is < 3 or > 6)
        {
            file.Report(node, $"outcome '{id}' must have 3 to 6 key points (it has {keyPointNodes.Count})");
        }

        var keyPoints = keyPointNodes.Select(k => file.Text(k, "key point")).OfType<LocalizedText>().ToList();
        var conditions = file.Mappings(node, "conditions", required: false).Select(c => ReadOutcomeCondition(file, c))
            .OfType<OutcomeCondition>().ToList();
        var references = file.Strings(node, "references", required: true);
        if (references.Count == 0)
        {
            file.Report(node, $"outcome '{id}' must cite at least one reference");
        }

        var resources = file.Strings(node, "resources", required: true);
        if (resources.Count == 0)
        {
            file.Report(node, $"outcome '{id}' must name at least one resource (ne restez pas seul·e)");
        }

        if (verdict is Verdict.YesIf or Verdict.May && conditions.Count == 0)
        {
            file.Report(node, $"outcome '{id}' answers '{verdictText}': it must list the conditions that decide it");
        }

        return id is null || title is null || verdictText is null
            ? null
            : new Outcome(id, verdict, title, keyPoints, conditions, references, resources, YamlFile.Line(node))
            {
                LeadsWithEmergency = file.Node(node, "emergency", required: false) is YamlScalarNode { Value: "true" },
            };
    }

    private static OutcomeCondition? ReadOutcomeCondition(YamlFile file, YamlMappingNode node)
    {
        var id = file.String(node, "id");
        var text = file.Text(node, "text");
        var metWhen = file.Node(node, "met_when", required: true) is { } when ? ReadCondition(file, when) : null;
        return id is null || text is null || metWhen is null ? null : new OutcomeCondition(id, text, metWhen);
    }

    /// <summary><c>{question: [choice, …]}</c> or <c>{question: {not: [choice, …]}}</c>, all terms ANDed.</summary>
    internal static Condition? ReadCondition(YamlFile file, YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            file.Report(node, "a condition must map question ids to choice lists");
            return null;
        }

        var terms = new List<ConditionTerm>();
        foreach (var (key, value) in map.Children)
        {
            var question = ((YamlScalarNode)key).Value ?? "";
            switch (value)
            {
                case YamlSequenceNode list:
                    terms.Add(new ConditionTerm(question, Choices(list), Negated: false));
                    break;
                case YamlMappingNode { Children.Count: 1 } negation when negation.Children.TryGetValue(new YamlScalarNode("not"), out var notNode)
                                                                         && notNode is YamlSequenceNode notList:
                    terms.Add(new ConditionTerm(question, Choices(notList), Negated: true));
                    break;
                default:
                    file.Report(value, $"condition on '{question}' must be a list of choice ids or {{not: [...]}}");
                    break;
            }
        }

        return new Condition(terms);
    }

    private static List<string> Choices(YamlSequenceNode list) =>
        list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList();
}
