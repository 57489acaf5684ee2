using SecretBot.Cards.Model;

namespace SecretBot.Cards.Compose;

public static partial class CardParts
{
    /// <summary>
    /// A section shown on demand: a toggle titled with the section's name, then its content, hidden.
    /// On a phone the answer fits one screen; what the person said and the legal basis unfold here.
    /// </summary>
    public static IEnumerable<CardElement> Unfold(string title, string id, IReadOnlyList<CardElement> content)
    {
        yield return new ActionSet([new ToggleVisibilityAction(title, id)]) { Spacing = Spacing.Small };
        yield return new Container(content) { Id = id, IsVisible = false, Spacing = Spacing.Small };
    }
}
