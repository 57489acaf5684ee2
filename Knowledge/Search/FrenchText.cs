using System.Globalization;
using System.Text;

namespace SecretBot.Knowledge.Search;

/// <summary>
/// French-aware normalisation for matching what people type: lower case, no accents, elisions
/// removed (l', d', qu'…), stop words dropped, plurals and common endings cut to a simple stem.
/// English words go through the same steps, which is good enough for keywords.
/// </summary>
public static class FrenchText
{
    private static readonly string[] Elisions = ["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu"];

    // Elisions typed with a space ("d accord"); not "t", which is the inversion's ("va-t-il").
    private static readonly string[] SpacedElisions = ["l", "d", "j", "m", "n", "s", "c", "qu"];

    private static readonly HashSet<string> StopWords =
    [
        "le", "la", "les", "un", "une", "des", "du", "de", "et", "ou", "a", "au", "aux", "en", "dans", "sur", "pour", "par",
        "avec", "sans", "que", "qui", "quoi", "ce", "cet", "cette", "ces", "se", "sa", "son", "ses", "mon", "ma", "mes",
        "ton", "ta", "tes", "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "tu", "me", "te", "lui", "leur", "y",
        "est", "suis", "sont", "etre", "ai", "as", "avoir", "ne", "pas", "plus", "tres", "bien", "si", "mais", "donc", "car",
        "the", "an", "of", "to", "in", "on", "for", "is", "are", "am", "be", "my", "i", "you", "with", "and", "or", "it", "at",
        "do", "does", "can", "what", "que", "quel", "quelle", "quels", "quelles", "est-ce", "comment", "dois", "doit", "peux", "puis", "peut",
    ];

    private static readonly string[] Endings =
    [
        "issements", "issement", "ements", "ement", "ations", "ation", "atrices", "atrice", "ateurs", "ateur", "euses", "euse",
        "eurs", "eur", "ives", "ive", "ifs", "if", "ables", "able", "iques", "ique", "istes", "iste", "ites", "ite", "ees", "ee",
        "es", "er", "ez", "ait", "ant", "ent", "ing", "ed", "s", "x", "e",
    ];

    /// <summary>
    /// Lower case, accents removed, letters and digits only, single spaces, elisions removed — also
    /// when typed with a space ("d accord" is "d'accord" is "accord"). The one normaliser of the
    /// solution: search, routing, answers and commands all compare through it.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = UnicodeText.Decompose(text);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : c is '\'' or '’' or '`' ? '\'' : ' ');
        }

        var words = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(StripElision);
        return string.Join(' ', words.SelectMany(w => w.Split('\'', StringSplitOptions.RemoveEmptyEntries)).Where(w => !SpacedElisions.Contains(w)));
    }

    /// <summary>The stems of the meaningful words of a text.</summary>
    public static IEnumerable<string> Stems(string normalized) =>
        normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !StopWords.Contains(w)).Select(Stem);

    public static string Stem(string word)
    {
        if (word.Length <= 4 || word.All(char.IsDigit))
        {
            return word;
        }

        foreach (var ending in Endings)
        {
            if (word.EndsWith(ending, StringComparison.Ordinal) && word.Length - ending.Length >= 4)
            {
                return word[..^ending.Length];
            }
        }

        return word;
    }

    private static string StripElision(string word)
    {
        var apostrophe = word.IndexOf('\'');
        return apostrophe > 0 && Elisions.Contains(word[..apostrophe]) ? word[(apostrophe + 1)..] : word;
    }
}
