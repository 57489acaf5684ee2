using System.Text.Json.Nodes;

namespace SecretBot.Dialogs.Turns;

/// <summary>
/// A message the bot sends: plain text, an Adaptive Card, or both (the text is the card's summary
/// for notifications and screen readers).
/// </summary>
/// <param name="RememberAs">When set, the id the channel gives this message is kept under this name
/// (e.g. the current question card, to update it once answered).</param>
public sealed record OutgoingMessage(string? Text, JsonObject? Card = null, string? RememberAs = null)
{
    public static OutgoingMessage Plain(string text) => new(text);
}
