namespace SecretBot.Cards.Compose;

/// <summary>
/// An interview's answers as a button carries them: question and choice ids, « role=social_worker;danger=now ».
/// Ids only, never anything typed; what comes back is checked against the interview before use.
/// </summary>
public static class AnswerList
{
    public static string Write(IEnumerable<KeyValuePair<string, string>> answers) =>
        string.Join(";", answers.Select(a => $"{a.Key}={a.Value}"));

    /// <summary>The pairs, or null when the text is not a list of id pairs (each question once).</summary>
    public static IReadOnlyDictionary<string, string>? Read(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 2000)
        {
            return null;
        }

        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.Split(';'))
        {
            if (pair.Split('=') is not [{ Length: > 0 } question, { Length: > 0 } choice] || !answers.TryAdd(question, choice))
            {
                return null;
            }
        }

        return answers;
    }
}
