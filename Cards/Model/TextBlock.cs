using System.Text.Json.Serialization;

namespace SecretBot.Cards.Model;

/// <summary>
/// A block of text. The text is Markdown written by SecretBot; anything that came from a user goes
/// through <see cref="MarkdownText.Escape"/> first (see <see cref="Verbatim"/>).
/// </summary>
public sealed record TextBlock(string Text) : CardElement
{
    public string Text { get; } = Require.Text(Text, nameof(Text));

    public TextSize? Size { get; init; }
    public TextWeight? Weight { get; init; }
    public TextColor? Color { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool IsSubtle { get; init; }

    /// <summary>On by default: cut-off text is the most common readability defect of cards.</summary>
    public bool Wrap { get; init; } = true;

    public TextBlockStyle? Style { get; init; }
    public HorizontalAlignment? HorizontalAlignment { get; init; }
    public int? MaxLines { get; init; }

    /// <summary>
    /// A block showing text that must be read literally (user text, a statute's words). Its line
    /// breaks become paragraph breaks: Markdown joins lines separated by a single break.
    /// </summary>
    public static TextBlock Verbatim(string text) =>
        new(string.Join("\n\n", MarkdownText.Escape(text).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
}
