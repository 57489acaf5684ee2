namespace SecretBot.Cards.Model;

/// <summary>
/// Action.Submit with object data. Never with Teams <c>msteams</c> messageBack/imBack data: the
/// Agents Playground drops those silently.
/// </summary>
public sealed record SubmitAction : CardAction
{
    public SubmitAction(string title, ActionData data) : base(title) =>
        Data = data ?? throw new ArgumentNullException(nameof(data));

    public ActionData Data { get; }
}
