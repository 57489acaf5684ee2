using System.Text;
using System.Text.RegularExpressions;

namespace SecretBot.Knowledge.Model;

/// <summary>
/// Texts as they are printed: one apostrophe (’) in both languages; in French, a narrow no-break
/// space before ; ! ? and between the groups of a number, a no-break space before : and inside « ».
/// Applied once, when a text is loaded, so every card and message gets it; a link's address is left
/// alone. Idempotent.
/// </summary>
public static partial class Typography
{
    public const char NoBreakSpace = '\u00A0';
    public const char NarrowNoBreakSpace = '\u202F';

    public static string French(string text) => Outside(text, FrenchPart);

    public static string English(string text) => Outside(text, part => part.Replace('\'', '’'));

    private static string FrenchPart(string part)
    {
        part = part.Replace('\'', '’');
        part = SpaceBeforeTall().Replace(part, $"{NarrowNoBreakSpace}$1");
        part = GluedTall().Replace(part, $"$1{NarrowNoBreakSpace}$2");
        part = SpaceBeforeColon().Replace(part, $"{NoBreakSpace}:");
        part = OpeningQuote().Replace(part, $"«{NoBreakSpace}");
        part = ClosingQuote().Replace(part, $"{NoBreakSpace}»");
        return DigitGroups().Replace(part, $"$1{NarrowNoBreakSpace}$2");
    }

    /// <summary>Applies <paramref name="typeset"/> to the text outside Markdown link addresses ("](https://…)").</summary>
    private static string Outside(string text, Func<string, string> typeset)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        var at = 0;
        foreach (Match address in LinkAddress().Matches(text))
        {
            builder.Append(typeset(text[at..address.Index])).Append(address.Value);
            at = address.Index + address.Length;
        }

        return builder.Append(typeset(text[at..])).ToString();
    }

    [GeneratedRegex(@"\]\([^)\s]*\)")]
    private static partial Regex LinkAddress();

    // Any space before ; ! ? (a no-break one included) becomes the narrow one.
    [GeneratedRegex(@"[ \u00A0]([;!?])")]
    private static partial Regex SpaceBeforeTall();

    // "Pourquoi?" → "Pourquoi ?": after a letter, a closing quote or bracket; not "?!" nor "!?".
    [GeneratedRegex(@"([\p{L}\p{N}»)])([;!?])")]
    private static partial Regex GluedTall();

    [GeneratedRegex(@"[ \u202F]:")]
    private static partial Regex SpaceBeforeColon();

    [GeneratedRegex(@"«[ \u202F]?(?=\S)")]
    private static partial Regex OpeningQuote();

    [GeneratedRegex(@"(?<=\S)[ \u202F]?»")]
    private static partial Regex ClosingQuote();

    // "15 000" → "15 000" kept together; not a year after a number ("article 40 2026" is unlikely, but years stay 4 digits).
    [GeneratedRegex(@"(\d) (\d{3})(?!\d)")]
    private static partial Regex DigitGroups();
}
