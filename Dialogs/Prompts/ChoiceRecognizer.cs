using SecretBot.Dialogs.Turns;

namespace SecretBot.Dialogs.Prompts;

public enum RecognitionKind { Recognized, Stale, NotRecognized }

public sealed record Recognition(RecognitionKind Kind, Choice? Choice = null)
{
    public static Recognition None { get; } = new(RecognitionKind.NotRecognized);

    public static Recognition Stale { get; } = new(RecognitionKind.Stale);
}

/// <summary>
/// Finds which choice a reply means: a card click (its data names the choice and the question),
/// the choice's number, its label or a synonym typed in any case with or without accents, a
/// synonym inside a short sentence, or a small typo.
/// </summary>
public static class ChoiceRecognizer
{
    public const string ChoiceField = "choice";
    public const string PromptField = "prompt";

    /// <summary>The question id a question card's buttons carry (with <see cref="PromptOptions.Properties"/>' "question").</summary>
    public const string QuestionField = "question";

    public static Recognition Recognize(DialogTurnInput input, PromptOptions prompt)
    {
        if (input.IsCardAction)
        {
            return FromCard(input, prompt);
        }

        var text = TextNormalizer.Normalize(input.Text);
        if (text.Length == 0)
        {
            return Recognition.None;
        }

        if (int.TryParse(text, out var number) && number >= 1 && number <= prompt.Choices.Count)
        {
            return Found(prompt.Choices[number - 1]);
        }

        return Exact(text, prompt) ?? Contained(text, prompt) ?? LabelStart(text, prompt) ?? Typo(text, prompt) ?? Recognition.None;
    }

    private static Recognition FromCard(DialogTurnInput input, PromptOptions prompt)
    {
        var promptKey = input.CardString(PromptField);
        var question = input.CardString(QuestionField);
        if ((promptKey is not null && promptKey != prompt.Key)
            || (question is not null && prompt.Properties?.GetValueOrDefault(QuestionField) is { } asked && asked != question))
        {
            return Recognition.Stale;
        }

        var id = input.CardString(ChoiceField);
        var choice = prompt.Choices.FirstOrDefault(c => c.Id == id);
        return choice is null ? Recognition.None : Found(choice);
    }

    private static Recognition? Exact(string text, PromptOptions prompt)
    {
        var matches = prompt.Choices.Where(c => Forms(c).Contains(text)).ToList();
        return matches.Count == 1 ? Found(matches[0]) : null;
    }

    /// <summary>"je crois que oui" or "c'est pour l'école": one choice's words inside the reply.</summary>
    private static Recognition? Contained(string text, PromptOptions prompt)
    {
        var padded = $" {text} ";
        var matches = prompt.Choices
            .Where(c => Forms(c).Any(form => form.Length >= 2 && padded.Contains($" {form} ", StringComparison.Ordinal)))
            .ToList();
        return matches.Count == 1 ? Found(matches[0]) : null;
    }

    /// <summary>"soins de santé" for "Soins de santé (médecin, infirmier·ère…)": the reply is the label's words, shortened.</summary>
    private static Recognition? LabelStart(string text, PromptOptions prompt)
    {
        if (text.Length < 5)
        {
            return null;
        }

        var matches = prompt.Choices.Where(c => $" {TextNormalizer.Normalize(c.Label)} ".Contains($" {text} ", StringComparison.Ordinal)).ToList();
        return matches.Count == 1 ? Found(matches[0]) : null;
    }

    private static Recognition? Typo(string text, PromptOptions prompt)
    {
        var limit = text.Length >= 8 ? 2 : 1;
        if (text.Length < 4)
        {
            return null;
        }

        var matches = prompt.Choices
            .Where(c => Forms(c).Any(form => form.Length >= 4 && TextNormalizer.Distance(text, form, limit) <= limit))
            .ToList();
        return matches.Count == 1 ? Found(matches[0]) : null;
    }

    private static HashSet<string> Forms(Choice choice) =>
        [TextNormalizer.Normalize(choice.Label), TextNormalizer.Normalize(choice.Id.Replace('_', ' ')),
            .. choice.Synonyms.Select(TextNormalizer.Normalize)];

    private static Recognition Found(Choice choice) => new(RecognitionKind.Recognized, choice);
}
