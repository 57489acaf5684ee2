using SecretBot.Cards.Model;

namespace SecretBot.Cards.Compose;

public static partial class CardParts
{
    /// <summary>A button handled by the bot: Action.Execute with its Action.Submit fallback.</summary>
    public static ExecuteAction Button(string title, string verb, params IReadOnlyList<(string Key, string Value)> data) =>
        new(title, verb, new ActionData(data.Select(pair => KeyValuePair.Create(pair.Key, pair.Value))));

    /// <summary>
    /// Buttons stacked one under the other: Teams lays out a set's buttons side by side and cuts
    /// long labels, so each choice gets its own row and keeps its full label.
    /// </summary>
    public static Container StackedButtons(IEnumerable<ExecuteAction> buttons) =>
        new(buttons.Select(button => (CardElement)new ActionSet([button]) { Spacing = Spacing.Small }).ToArray())
        {
            Spacing = Spacing.Medium,
        };

    /// <summary>One button per topic, verb <see cref="CardVerbs.StartTopic"/>.</summary>
    public static Container TopicButtons(IEnumerable<TopicChoice> topics) =>
        StackedButtons(topics.Select(topic => Button(topic.Title, CardVerbs.StartTopic, (CardDataKeys.Topic, topic.Id))));
}
