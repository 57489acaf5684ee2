using System.Text.Json.Serialization;

namespace SecretBot.Cards.Model;

/// <summary>An element of a card's body. The <c>type</c> discriminator is written by the serialiser.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Image), "Image")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
public abstract record CardElement
{
    /// <summary>Needed only when an <see cref="ToggleVisibilityAction"/> targets the element.</summary>
    public string? Id { get; init; }

    /// <summary>Written only when false: visible is the default.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool? IsVisible { get; init; }

    public Spacing? Spacing { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Separator { get; init; }
}
