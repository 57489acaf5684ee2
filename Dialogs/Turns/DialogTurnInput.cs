using System.Text.Json;

namespace SecretBot.Dialogs.Turns;

/// <summary>
/// What the dialogs see of an inbound message. The host builds it, and may derive from it to carry
/// what its own dialogs need (language, the person's preferences…); the engine never sees HTTP,
/// tokens or the connector, and keeps none of this between turns.
/// </summary>
/// <param name="Text">What the person typed (mention removed), or null for a card click.</param>
/// <param name="CardValue">The data of a clicked card action, or null.</param>
/// <param name="ReplyToId">The message a click came from, when it came from a card.</param>
public record DialogTurnInput(string? Text, JsonElement? CardValue, string? ReplyToId = null)
{
    /// <summary>A command or a button the host recognised ("aide", "retour", a topic button…), raised before any dialog continues.</summary>
    public Events.DialogEvent? Event { get; init; }

    /// <summary>
    /// The click answers something the bot asked earlier (a question card): with no stored state
    /// left, the conversation has expired and the person is told so.
    /// </summary>
    public bool ContinuesConversation { get; init; }

    public bool IsCardAction => CardValue is { ValueKind: JsonValueKind.Object };

    /// <summary>A string member of the card data, if the click carried one.</summary>
    public string? CardString(string name) =>
        CardValue is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(name, out var member)
                                                               && member.ValueKind == JsonValueKind.String
            ? member.GetString()
            : null;
}
