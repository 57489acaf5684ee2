using System.Text.Json.Serialization;

namespace SecretBot.Cards.Model;

/// <summary>The card an Action.ShowCard unfolds: no version and no Teams properties of its own.</summary>
public sealed record NestedCard(IReadOnlyList<CardElement> Body)
{
    [JsonPropertyOrder(-1)]
    public string Type => "AdaptiveCard";

    public IReadOnlyList<CardElement> Body { get; } = Require.Some(Body, nameof(Body));

    public IReadOnlyList<CardAction>? Actions { get; init; }
}
