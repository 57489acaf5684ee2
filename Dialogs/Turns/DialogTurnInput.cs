using System.Text.Json;

namespace SecretBot.Dialogs.Turns;

public enum ConversationKind { Personal, GroupChat, Channel }

/// <summary>
/// What the dialogs see of an inbound activity. The host builds it; the dialogs never see HTTP,
/// tokens or the connector.
/// </summary>
/// <param name="Text">What the person typed (mention removed), or null for a card click.</param>
/// <param name="CardValue">The data of a clicked card action, or null.</param>
/// <param name="Language">fr or en, as decided by the host (configuration, preference, locale).</param>
/// <param name="ConversationKey">The conversation (a Teams channel thread is its own conversation).</param>
/// <param name="UserKey">The person, for their preferences.</param>
/// <param name="ReplyToId">The message a click came from, when it came from a card.</param>
public sealed record DialogTurnInput(
    string? Text,
    JsonElement? CardValue,
    string Language,
    string ConversationKey,
    string UserKey,
    ConversationKind Kind,
    string? ReplyToId = null)
{
    /// <summary>BE or FR when known (the person's choice, or the organisation's setting); null when it must be asked.</summary>
    public string? Jurisdiction { get; init; }

    /// <summary>What the Teams language suggests (fr-BE: BE, fr-FR: FR), offered first when the country is asked; never used silently.</summary>
    public string? SuggestedJurisdiction { get; init; }

    /// <summary>Whether this person may ask the organisation's référents (configured, and from the deploying organisation).</summary>
    public bool CanAskReferents { get; init; }

    public bool IsCardAction => CardValue is { ValueKind: JsonValueKind.Object };

    /// <summary>A string member of the card data, if the click carried one.</summary>
    public string? CardString(string name) =>
        CardValue is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(name, out var member)
                                                               && member.ValueKind == JsonValueKind.String
            ? member.GetString()
            : null;
}
