namespace SecretBot.Cards.Model;

public sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement
{
    public IReadOnlyList<Column> Columns { get; } = Require.Some(Columns, nameof(Columns));
}
