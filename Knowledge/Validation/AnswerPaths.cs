using SecretBot.Knowledge.Model;

namespace SecretBot.Knowledge.Validation;

/// <summary>
/// Every complete set of answers an interview can receive: each asked question branches on its
/// choices, and a question whose <c>ask_when</c> fails is skipped. Interviews are small (a few
/// questions of up to six choices), so the full enumeration is cheap and exact.
/// </summary>
public static class AnswerPaths
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> All(Interview interview)
    {
        var paths = new List<IReadOnlyDictionary<string, string>>();
        Walk(interview.Questions, 0, new Dictionary<string, string>(StringComparer.Ordinal), paths);
        return paths;
    }

    private static void Walk(IReadOnlyList<Question> questions, int index, Dictionary<string, string> answers,
        List<IReadOnlyDictionary<string, string>> paths)
    {
        if (index == questions.Count)
        {
            paths.Add(new Dictionary<string, string>(answers, StringComparer.Ordinal));
            return;
        }

        var question = questions[index];
        if (question.AskWhen is { } condition && !condition.IsMetBy(answers))
        {
            Walk(questions, index + 1, answers, paths);
            return;
        }

        foreach (var choice in question.Choices)
        {
            answers[question.Id] = choice.Id;
            Walk(questions, index + 1, answers, paths);
        }

        answers.Remove(question.Id);
    }
}
