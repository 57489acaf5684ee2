using System.Text;

namespace SecretBot.Knowledge.Search;

public static class UnicodeText
{
    /// <summary>
    /// The text in Unicode normalisation form D (accents apart from their letters), whatever it holds.
    /// <see cref="string.Normalize(NormalizationForm)"/> throws on a lone surrogate and on the
    /// noncharacter U+FFFE, which JSON can carry (the parser lets U+FFFE through): those become U+FFFD
    /// first. What a person really types never holds either and is decomposed as is.
    /// </summary>
    public static string Decompose(string text)
    {
        var index = text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        if (index < 0 && !text.Contains('\uFFFE'))
        {
            return text.Normalize(NormalizationForm.FormD);
        }

        var repaired = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                repaired.Append(c).Append(text[++i]);
            }
            else
            {
                repaired.Append(char.IsSurrogate(c) || c == '\uFFFE' ? '\uFFFD' : c);
            }
        }

        return repaired.ToString().Normalize(NormalizationForm.FormD);
    }
}
