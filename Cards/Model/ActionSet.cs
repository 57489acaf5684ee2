namespace SecretBot.Cards.Model;

/// <summary>Buttons inside the body. Teams shows at most six actions per set.</summary>
public sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement
{
    public const int MaxActions = 6;

    public IReadOnlyList<CardAction> Actions { get; } = Require.Some(Actions, nameof(Actions), MaxActions);
}
