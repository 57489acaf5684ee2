namespace SecretBot.Cards.Model;

/// <summary>Shows or hides the elements with these ids (a help text, a statute's words).</summary>
public sealed record ToggleVisibilityAction : CardAction
{
    public ToggleVisibilityAction(string title, params IReadOnlyList<string> targetElements) : base(title) =>
        TargetElements = Require.Some(targetElements, nameof(targetElements)).Select(id => Require.Text(id, nameof(targetElements))).ToArray();

    public IReadOnlyList<string> TargetElements { get; }
}
