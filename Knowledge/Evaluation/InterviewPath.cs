using SecretBot.Knowledge.Model;

namespace SecretBot.Knowledge.Evaluation;

/// <summary>
/// Where a person is in an interview: the answers that count (those to questions actually asked,
/// given the earlier answers), the next question, and how many questions this path asks.
/// </summary>
public sealed record InterviewPath(
    IReadOnlyDictionary<string, string> Answers,
    IReadOnlyList<Question> Asked,
    Question? Next)
{
    public bool IsComplete => Next is null;

    /// <summary>1-based number of the next question among those asked so far.</summary>
    public int NextNumber => Asked.Count + 1;

    public static InterviewPath Walk(Interview interview, IReadOnlyDictionary<string, string> answers)
    {
        foreach (var (questionId, choiceId) in answers)
        {
            var question = interview.FindQuestion(questionId)
                           ?? throw new UnknownAnswerException($"'{questionId}' is not a question of {interview.Jurisdiction}/{interview.Topic}.");
            if (question.Choices.All(c => c.Id != choiceId))
            {
                throw new UnknownAnswerException($"'{choiceId}' is not a choice of question '{questionId}'.");
            }
        }

        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        var asked = new List<Question>();
        foreach (var question in interview.Questions)
        {
            if (question.AskWhen is { } condition && !condition.IsMetBy(kept))
            {
                continue;
            }

            if (!answers.TryGetValue(question.Id, out var choice))
            {
                return new InterviewPath(kept, asked, question);
            }

            kept[question.Id] = choice;
            asked.Add(question);
        }

        return new InterviewPath(kept, asked, null);
    }
}

/// <summary>An answer names a question or a choice the interview does not have.</summary>
public sealed class UnknownAnswerException(string message) : ArgumentException(message);
