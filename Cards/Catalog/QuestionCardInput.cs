using SecretBot.Cards.Compose;
using SecretBot.Knowledge.Model;

namespace SecretBot.Cards.Catalog;

/// <summary>One interview question as the card shows it. Texts come from the knowledge.</summary>
public sealed record QuestionCardInput
{
    public const int MinChoices = 2;
    public const int MaxChoices = 6;

    public QuestionCardInput(string topic, string questionId, string text, IReadOnlyList<Choice> choices, QuestionProgress progress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentException.ThrowIfNullOrWhiteSpace(questionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Count is < MinChoices or > MaxChoices)
            throw new ArgumentException($"A question offers {MinChoices} to {MaxChoices} choices, not {choices.Count}.", nameof(choices));
        if (choices.Select(choice => choice.Id).Distinct(StringComparer.Ordinal).Count() != choices.Count)
            throw new ArgumentException("Choice ids must be unique within a question.", nameof(choices));
        (Topic, QuestionId, Text, Choices) = (topic, questionId, text, choices);
        Progress = progress ?? throw new ArgumentNullException(nameof(progress));
    }

    public string Topic { get; }
    public string QuestionId { get; }
    public string Text { get; }
    public IReadOnlyList<Choice> Choices { get; }
    public QuestionProgress Progress { get; }

    /// <summary>Why the question matters, behind the "Pourquoi cette question ?" toggle.</summary>
    public string? Help { get; init; }

    /// <summary>True when the card is asked again because a typed reply fitted no choice.</summary>
    public bool ShowRetryHint { get; init; }

    /// <summary>In a channel or a group chat the bot hears only @mentions: the hint says "@SecretBot 2".</summary>
    public bool MentionRequired { get; init; }

    /// <summary>The topic's title, shown above the question: what the bot understood the person asks.</summary>
    public string? TopicTitle { get; init; }

    /// <summary>Emergency numbers to show before the question (the danger topic opens with them).</summary>
    public IReadOnlyList<EmergencyNumber> Emergency { get; init; } = [];

    /// <summary>The choices' labels in a language, in order.</summary>
    public IReadOnlyList<string> Labels(Language language) => Choices.Select(choice => choice.Label.In(language)).ToList();

    public Choice ChoiceWithId(string choiceId) =>
        Choices.FirstOrDefault(choice => choice.Id == choiceId)
        ?? throw new ArgumentException("The chosen id is not one of the question's choices.", nameof(choiceId));
}
