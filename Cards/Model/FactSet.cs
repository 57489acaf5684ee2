namespace SecretBot.Cards.Model;

public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement
{
    public IReadOnlyList<Fact> Facts { get; } = Require.Some(Facts, nameof(Facts));
}
