using System.Text.Json.Serialization;

namespace SecretBot.Cards.Model;

public sealed record Container(IReadOnlyList<CardElement> Items) : CardElement
{
    public IReadOnlyList<CardElement> Items { get; } = Require.Some(Items, nameof(Items));

    public ContainerStyle? Style { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Bleed { get; init; }

    /// <summary>Tapping the container runs this action (Action.ShowCard is not allowed here).</summary>
    public CardAction? SelectAction
    {
        get;
        init => field = value is ShowCardAction
            ? throw new ArgumentException("A container cannot open a ShowCard on tap.", nameof(value))
            : value;
    }
}
