namespace SecretBot.Cards.Model;

public sealed record ShowCardAction : CardAction
{
    public ShowCardAction(string title, NestedCard card) : base(title) =>
        Card = card ?? throw new ArgumentNullException(nameof(card));

    public NestedCard Card { get; }
}
