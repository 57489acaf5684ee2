namespace SecretBot.Knowledge.Search;

/// <summary>
/// Rewrites the ways of asking with a modal into the one form routing.yaml's questions are written
/// in ("je peux", "est-ce que je peux", "jpeux" → "puis je"), and drops the object pronouns after it
/// ("puis je le lui remettre" → "puis je remettre"): one phrase then covers every way of saying it.
/// Works on text already through <see cref="FrenchText.Normalize"/>.
/// </summary>
public sealed class QuestionForms
{
    private readonly List<(string[] Variant, string[] Form)> _variants;
    private readonly HashSet<string> _clitics;

    public QuestionForms(IReadOnlyDictionary<string, IReadOnlyList<string>> forms, IEnumerable<string> clitics)
    {
        _variants = forms
            .SelectMany(form => form.Value.Append(form.Key).Select(variant => (Words(variant), Words(form.Key))))
            .Where(pair => pair.Item1.Length > 0)
            .DistinctBy(pair => string.Join(' ', pair.Item1))
            .OrderByDescending(pair => pair.Item1.Length)
            .ToList();
        _clitics = clitics.Select(FrenchText.Normalize).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The normalised text with its question forms rewritten.</summary>
    public string Rewrite(string normalized)
    {
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var output = new List<string>(words.Length);
        for (var i = 0; i < words.Length;)
        {
            var match = _variants.FirstOrDefault(v => Starts(words, i, v.Variant));
            if (match.Variant is null)
            {
                output.Add(words[i++]);
                continue;
            }

            output.AddRange(match.Form);
            i += match.Variant.Length;
            while (i < words.Length && _clitics.Contains(words[i]))
            {
                i++;
            }
        }

        return string.Join(' ', output);
    }

    private static string[] Words(string phrase) => FrenchText.Normalize(phrase).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static bool Starts(string[] words, int at, string[] variant)
    {
        if (at + variant.Length > words.Length)
        {
            return false;
        }

        for (var k = 0; k < variant.Length; k++)
        {
            if (words[at + k] != variant[k])
            {
                return false;
            }
        }

        return true;
    }
}
