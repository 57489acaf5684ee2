using System.Text.Json.Serialization;

namespace SecretBot.Cards.Model;

/// <summary>A button. Every action has a title: an untitled button is unreadable and unspeakable.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
[JsonDerivedType(typeof(ToggleVisibilityAction), "Action.ToggleVisibility")]
public abstract record CardAction
{
    protected CardAction(string title) => Title = Require.Text(title, nameof(title));

    public string Title { get; }

    public string? Id { get; init; }
    public ActionStyle? Style { get; init; }
}
