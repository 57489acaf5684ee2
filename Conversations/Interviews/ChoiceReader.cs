using SecretBot.Cards.Compose;
using SecretBot.Dialogs.Engine;
using SecretBot.Dialogs.Turns;
using SecretBot.Knowledge.Model;
using SecretBot.Knowledge.Search;

namespace SecretBot.Conversations.Interviews;

/// <summary>
/// Which choice of a question a reply means: a card click (its data names the choice, the topic
/// and the question: a click on another question's card is stale), the choice's number, its label
/// or a synonym in either language, in any case, with or without accents, a synonym inside a short
/// sentence, the start of its label, or a small typo. Anything else is not recognised, and the
/// question is asked again.
/// </summary>
public static class ChoiceReader
{
    // A choice's forms are the same for every reply: normalised once per choice and language.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Choice, Language), HashSet<string>> FormsOf = new();

    public static (RecognitionKind Kind, Choice? Choice) Read(DialogTurnInput input, string topic, Question question, Language language)
    {
        if (input.IsCardAction)
        {
            return FromCard(input, topic, question);
        }

        var text = FrenchText.Normalize(input.Text);
        if (text.Length == 0)
        {
            return (RecognitionKind.NotRecognized, null);
        }

        if (int.TryParse(text, out var number) && number >= 1 && number <= question.Choices.Count)
        {
            return Found(question.Choices[number - 1]);
        }

        var forms = question.Choices.ToDictionary(c => c, c => FormsOf.GetOrAdd((c, language), key => Forms(key.Item1, key.Item2)));
        return Single(question, c => forms[c].Contains(text))
               ?? Single(question, c => forms[c].Any(form => form.Length >= 2 && $" {text} ".Contains($" {form} ", StringComparison.Ordinal)))
               ?? (text.Length >= 5 ? Single(question, c => $" {FrenchText.Normalize(c.Label.In(language))} ".Contains($" {text} ", StringComparison.Ordinal)) : null)
               ?? Typo(text, question, forms)
               ?? (RecognitionKind.NotRecognized, null);
    }

    private static (RecognitionKind, Choice?) FromCard(DialogTurnInput input, string topic, Question question)
    {
        var clickedTopic = input.CardString(CardDataKeys.Topic);
        var clickedQuestion = input.CardString(CardDataKeys.Question);
        if ((clickedTopic is not null && clickedTopic != topic) || (clickedQuestion is not null && clickedQuestion != question.Id))
        {
            return (RecognitionKind.Stale, null);
        }

        var id = input.CardString(CardDataKeys.Choice);
        return question.Choices.FirstOrDefault(c => c.Id == id) is { } choice ? Found(choice) : (RecognitionKind.NotRecognized, null);
    }

    /// <summary>"Ecole" for "école" is one letter off; longer words forgive two.</summary>
    private static (RecognitionKind, Choice?)? Typo(string text, Question question, Dictionary<Choice, HashSet<string>> forms)
    {
        if (text.Length < 4)
        {
            return null;
        }

        var limit = text.Length >= 8 ? 2 : 1;
        return Single(question, c => forms[c].Any(form => form.Length >= 4 && EditDistance.Within(text, form, limit) <= limit));
    }

    private static (RecognitionKind, Choice?)? Single(Question question, Func<Choice, bool> matches)
    {
        var found = question.Choices.Where(matches).Take(2).ToList();
        return found.Count == 1 ? Found(found[0]) : null;
    }

    /// <summary>The label in the person's language, the id, and the synonyms of both languages (people mix them).</summary>
    private static HashSet<string> Forms(Choice choice, Language language) =>
    [
        FrenchText.Normalize(choice.Label.In(language)), FrenchText.Normalize(choice.Id.Replace('_', ' ')),
        .. choice.SynonymsFr.Concat(choice.SynonymsEn).Select(FrenchText.Normalize),
    ];

    private static (RecognitionKind, Choice?) Found(Choice choice) => (RecognitionKind.Recognized, choice);
}
