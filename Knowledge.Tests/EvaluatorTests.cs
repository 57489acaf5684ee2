using SecretBot.Knowledge.Evaluation;
using SecretBot.Knowledge.Model;

namespace SecretBot.Knowledge.Tests;

public sealed class EvaluatorTests
{
    private readonly Evaluator _evaluator = new(RealKnowledge.Value);

    [Fact]
    public void TheSameAnswersAlwaysGiveTheSameAnswer()
    {
        var answers = new Dictionary<string, string> { ["partner"] = "colleague_bound", ["consent"] = "yes", ["same_mission"] = "no", ["necessary"] = "yes" };
        var first = _evaluator.Evaluate(Jurisdiction.BE, Topics.Share, answers);
        var second = _evaluator.Evaluate(Jurisdiction.BE, Topics.Share, new Dictionary<string, string>(answers.Reverse()));

        Assert.Equal(first.OutcomeId, second.OutcomeId);
        Assert.Equal(first.Conditions.Select(c => (c.Id, c.Met)), second.Conditions.Select(c => (c.Id, c.Met)));
        Assert.Equal(RealKnowledge.Value.Version, first.Version);
    }

    [Fact]
    public void TheAnswerCarriesWhatThePersonSaidInOrder()
    {
        var answer = _evaluator.Evaluate(Jurisdiction.BE, Topics.Bound, new Dictionary<string, string> { ["context"] = "at_work", ["role"] = "health" });
        Assert.Equal(["role", "context"], answer.Given.Select(g => g.Question.Id));
        Assert.Equal("health", answer.Given[0].Choice.Id);
    }

    [Fact]
    public void AnswersToQuestionsThatAreNoLongerAskedAreIgnored()
    {
        // After going back and choosing "private", the context answer given earlier no longer counts.
        var answer = _evaluator.Evaluate(Jurisdiction.BE, Topics.Bound, new Dictionary<string, string> { ["role"] = "private", ["context"] = "at_work" });
        Assert.Equal("not_bound", answer.OutcomeId);
        Assert.Single(answer.Given);
    }

    [Fact]
    public void UnknownQuestionsAndChoicesAreClearErrors()
    {
        Assert.Throws<UnknownAnswerException>(() => _evaluator.Evaluate(Jurisdiction.BE, Topics.Bound, new Dictionary<string, string> { ["shoe_size"] = "42" }));
        var choice = Assert.Throws<UnknownAnswerException>(() => _evaluator.Evaluate(Jurisdiction.BE, Topics.Bound, new Dictionary<string, string> { ["role"] = "astronaut" }));
        Assert.Contains("'astronaut'", choice.Message);
        Assert.Throws<ArgumentException>(() => _evaluator.Evaluate(Jurisdiction.FR, "gardening", new Dictionary<string, string>()));
    }

    [Fact]
    public void AnIncompleteInterviewIsNotEvaluated()
    {
        var error = Assert.Throws<ArgumentException>(() => _evaluator.Evaluate(Jurisdiction.FR, Topics.Share, new Dictionary<string, string> { ["partner"] = "mayor", ["mayor_setting"] = "alone" }));
        Assert.Contains("aggravation", error.Message);
    }

    [Fact]
    public void ThePathSkipsQuestionsWhoseConditionFails()
    {
        var interview = RealKnowledge.Value.Interview(Jurisdiction.BE, Topics.Police);
        var path = InterviewPath.Walk(interview, new Dictionary<string, string> { ["request"] = "terrorism_request", ["institution"] = "no" });
        Assert.True(path.IsComplete);
        Assert.Equal(2, path.Asked.Count);

        var next = InterviewPath.Walk(interview, new Dictionary<string, string> { ["request"] = "terrorism_request" });
        Assert.Equal("institution", next.Next!.Id);
        Assert.Equal(2, next.NextNumber);
    }
}
