using SecretBot.Cards.Compose;
using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;
using static SecretBot.Cards.Compose.CardParts;

namespace SecretBot.Cards.Catalog;

/// <summary>
/// "Je n'ai pas compris": the likeliest topics as buttons rather than a guess. It never repeats
/// what the person typed.
/// </summary>
public static class NotUnderstoodCard
{
    public const int MaxTopics = 3;

    public static AdaptiveCard Create(TextCatalog texts, IReadOnlyList<TopicChoice> likeliestTopics)
    {
        ArgumentNullException.ThrowIfNull(likeliestTopics);
        if (likeliestTopics.Count is < 1 or > MaxTopics)
            throw new ArgumentException($"Offer one to {MaxTopics} topics, not {likeliestTopics.Count}.", nameof(likeliestTopics));
        var spoken = string.Join(" ",
            [texts["notUnderstood.title"], texts["notUnderstood.body"], .. likeliestTopics.Select(topic => topic.Title), texts["notUnderstood.rephrase"]]);
        return new AdaptiveCard(texts.Tag, spoken, spoken,
        [
            Heading(texts["notUnderstood.title"]),
            Paragraph(texts["notUnderstood.body"]),
            TopicButtons(likeliestTopics) with { Spacing = Spacing.Small },
            Note(texts["notUnderstood.rephrase"]) with { Spacing = Spacing.Medium },
        ])
        {
            Actions = [Button(texts["action.help"], CardVerbs.Help)],
        };
    }
}
