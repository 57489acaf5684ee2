using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SecretBot.Cards.Model;

/// <summary>
/// A whole card, version 1.5 (the highest Teams renders). What a screen reader says
/// (<see cref="Speak"/>) and what a client without card support shows (<see cref="FallbackText"/>)
/// are required.
/// </summary>
public sealed record AdaptiveCard(string Lang, string Speak, string FallbackText, IReadOnlyList<CardElement> Body)
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    [JsonPropertyOrder(-3)]
    public string Type => "AdaptiveCard";

    [JsonPropertyOrder(-2)]
    public string Version => "1.5";

    [JsonPropertyName("$schema"), JsonPropertyOrder(-4)]
    public string Schema => "http://adaptivecards.io/schemas/adaptive-card.json";

    public string Lang { get; } = Require.Text(Lang, nameof(Lang));
    public string Speak { get; } = CardTypography.Typeset(Lang, Require.Text(Speak, nameof(Speak)));
    public string FallbackText { get; } = CardTypography.Typeset(Lang, Require.Text(FallbackText, nameof(FallbackText)));

    public IReadOnlyList<CardElement> Body { get; } = Require.Some(Body, nameof(Body));

    /// <summary>The action bar under the body; null when the card has none.</summary>
    public IReadOnlyList<CardAction>? Actions
    {
        get;
        init => field = value is null ? null : Require.Some(value, nameof(Actions), ActionSet.MaxActions);
    }

    [JsonPropertyName("msteams")]
    public MsTeams MsTeams { get; } = new();

    /// <summary>The card as JSON, every text typeset for its language (<see cref="CardTypography"/>).</summary>
    public JsonObject ToJsonObject() => CardTypography.Typeset(Lang, JsonSerializer.SerializeToNode(this, CardJson.Options)!.AsObject());

    public string ToJson() => ToJsonObject().ToJsonString(CardJson.Options);
}
