using SecretBot.Cards.Model;

namespace SecretBot.Cards.Compose;

public static partial class CardParts
{
    /// <summary>A button handled by the bot: Action.Execute with its Action.Submit fallback.</summary>
    public static ExecuteAction Button(string title, string verb, params IReadOnlyList<(string Key, string Value)> data) =>
        new(title, verb, new ActionData(data.Select(pair => KeyValuePair.Create(pair.Key, pair.Value))));

    /// <summary>
    /// The longest button title shown whole on a phone: a button's title stays on one line and what
    /// does not fit is cut. The official renderer, at a phone's 340 px of card, cuts bold titles from
    /// about 31 characters (tools/cards/render.js --check, run on every card by the tests).
    /// </summary>
    public const int ButtonTitleLength = 30;

    /// <summary>
    /// Buttons stacked one under the other: Teams lays out a set's buttons side by side and cuts
    /// long labels, so each choice gets its own row.
    /// </summary>
    public static Container StackedButtons(IEnumerable<ExecuteAction> buttons) =>
        new(buttons.Select(button => (CardElement)new ActionSet([button]) { Spacing = Spacing.Small }).ToArray())
        {
            Spacing = Spacing.Medium,
        };

    /// <summary>
    /// One button per choice. When a label is too long for a button, the choices are listed in full
    /// and numbered, and each button carries its number and the head of its label: nobody has to
    /// pick an answer they cannot read to the end.
    /// </summary>
    /// <param name="labels">The choices' labels, in order.</param>
    /// <param name="button">The button for the choice at an index, with the title to show.</param>
    public static IEnumerable<CardElement> ChoiceButtons(IReadOnlyList<string> labels, Func<int, string, ExecuteAction> button)
    {
        if (labels.All(label => label.Length <= ButtonTitleLength))
        {
            yield return StackedButtons(labels.Select((label, index) => button(index, label)));
            yield break;
        }

        yield return NumberedList(labels.ToArray());
        yield return StackedButtons(labels.Select((label, index) =>
        {
            var number = $"{index + 1}. ";
            return button(index, number + ButtonHead(label, ButtonTitleLength - number.Length));
        }));
    }

    /// <summary>The label itself when it fits; else what stands before its parenthesis; else its first words and "…".</summary>
    private static string ButtonHead(string label, int room)
    {
        if (label.Length <= room)
            return label;
        var parenthesis = label.IndexOf(" (", StringComparison.Ordinal);
        if (parenthesis > 0 && parenthesis <= room)
            return label[..parenthesis];
        var cut = label.LastIndexOf(' ', room - 1);
        return label[..(cut > 0 ? cut : room - 1)].TrimEnd(',', ';', ':') + "…";
    }

    /// <summary>One button per topic, verb <see cref="CardVerbs.StartTopic"/>.</summary>
    public static Container TopicButtons(IEnumerable<TopicChoice> topics) =>
        StackedButtons(topics.Select(topic => Button(topic.Title, CardVerbs.StartTopic, (CardDataKeys.Topic, topic.Id))));
}
