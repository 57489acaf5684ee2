using System.Text.Json.Serialization;

namespace SecretBot.Cards.Model;

public sealed record Column(IReadOnlyList<CardElement> Items)
{
    [JsonPropertyOrder(-1)]
    public string Type => "Column";

    public IReadOnlyList<CardElement> Items { get; } = Require.Some(Items, nameof(Items));

    public ColumnWidth? Width { get; init; }

    public string? Id { get; init; }
    public Spacing? Spacing { get; init; }
}
