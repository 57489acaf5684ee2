using System.Text;
using System.Text.RegularExpressions;

namespace SecretBot.Cards.Model;

/// <summary>
/// Makes text that SecretBot did not write (a user's words, a statute quoted word for word) display
/// literally in a TextBlock: no link, no emphasis, no list, no heading, no HTML-like tag.
/// Teams renders TextBlock text as Markdown, where a backslash before ASCII punctuation makes it a
/// literal character.
/// </summary>
public static partial class MarkdownText
{
    // Characters that can start or end Markdown syntax anywhere in a line.
    private const string AlwaysEscaped = "\\*_[]()`~|<>#";

    // Characters that only mean something at the start of a line (after spaces): list bullets,
    // quotes, setext underlines, images.
    private const string LineStartEscaped = "-+!=>";

    public static string Escape(string userText)
    {
        ArgumentNullException.ThrowIfNull(userText);
        var lines = userText.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        return string.Join("\n", lines.Select(EscapeLine));
    }

    private static string EscapeLine(string line)
    {
        var escaped = new StringBuilder(line.Length + 8);
        var atLineStart = true;
        foreach (var c in line)
        {
            if (AlwaysEscaped.Contains(c) || (atLineStart && LineStartEscaped.Contains(c)))
                escaped.Append('\\');
            escaped.Append(c);
            if (!char.IsWhiteSpace(c))
                atLineStart = false;
        }
        // "1. item" or "1) item" would become a numbered list: escape the dot or the parenthesis.
        return NumberedItem().Replace(escaped.ToString(), "$1\\$2");
    }

    [GeneratedRegex(@"^(\s*\d+)([.)])")]
    private static partial Regex NumberedItem();
}
