using SecretBot.KnowledgeTool;
using SecretBot.Knowledge.Evaluation;
using SecretBot.Knowledge.Model;
using SecretBot.Knowledge.Search;

namespace SecretBot.Knowledge.Tests;

/// <summary>Every case of Knowledge/cases run against the real rule base (OpenFisca-style scenarios).</summary>
public sealed class CaseTests
{
    private static readonly IReadOnlyList<KnowledgeCase> Cases = KnowledgeCase.LoadAll(RealKnowledge.CasesDirectory);

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var knowledgeCase in Cases)
        {
            data.Add(knowledgeCase.ToString());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void CaseGivesTheExpectedAnswer(string caseName)
    {
        var knowledgeCase = Cases.Single(c => c.ToString() == caseName);
        var answer = new Evaluator(RealKnowledge.Value).Evaluate(knowledgeCase.Jurisdiction, knowledgeCase.Topic, knowledgeCase.Answers);
        var expect = knowledgeCase.Expect;

        Assert.Equal(expect.Outcome, answer.OutcomeId);
        if (expect.Verdict is not null)
        {
            Assert.Equal(expect.Verdict.Replace("_", ""), answer.Verdict.ToString(), ignoreCase: true);
        }

        Assert.All(expect.References, id => Assert.Contains(id, answer.References.Select(r => r.Reference.Id)));
        Assert.All(expect.ConditionsMet, id => Assert.Contains(id, answer.ConditionsMet.Select(c => c.Id)));
        Assert.All(expect.ConditionsMissing, id => Assert.Contains(id, answer.ConditionsMissing.Select(c => c.Id)));
        var french = FrenchText.Normalize(FrenchRendering(answer));
        Assert.All(expect.Words, word => Assert.Contains(FrenchText.Normalize(word), french));
    }

    [Fact]
    public void AnswersAboutAGraveAndImminentDangerLeadWithTheEmergencyNumbersInBothCountries()
    {
        var knowledge = RealKnowledge.Value;
        var evaluator = new Evaluator(knowledge);
        var leading = new HashSet<Jurisdiction>();
        foreach (var knowledgeCase in Cases)
        {
            var interview = knowledge.Interview(knowledgeCase.Jurisdiction, knowledgeCase.Topic);
            var answer = evaluator.Evaluate(knowledgeCase.Jurisdiction, knowledgeCase.Topic, knowledgeCase.Answers);
            var outcome = interview.Outcomes.Single(o => o.Id == answer.OutcomeId);
            if (outcome.LeadsWithEmergency)
            {
                leading.Add(knowledgeCase.Jurisdiction);
                Assert.Equal(interview.EmergencyIds, answer.Emergency.Select(r => r.Id));
                Assert.All(answer.Emergency, r => Assert.False(string.IsNullOrEmpty(r.Phone), $"{r.Id} has no number"));
            }
            else
            {
                Assert.Empty(answer.Emergency);
            }
        }

        Assert.Equal([Jurisdiction.BE, Jurisdiction.FR], leading.Order());
    }

    [Fact]
    public void ThereAreAtLeastEightyCases() => Assert.True(Cases.Count >= 80, $"only {Cases.Count} cases");

    [Fact]
    public void EveryOutcomeOfBothJurisdictionsIsReachedByAtLeastTwoCases()
    {
        var reached = Cases.GroupBy(c => (c.Jurisdiction, c.Topic, c.Expect.Outcome)).ToDictionary(g => g.Key, g => g.Count());
        var missing = RealKnowledge.Value.Jurisdictions.Values
            .SelectMany(j => j.Interviews.Values.SelectMany(i => i.Outcomes.Select(o => (i.Jurisdiction, i.Topic, o.Id))))
            .Where(outcome => reached.GetValueOrDefault(outcome) < 2)
            .ToList();
        Assert.True(missing.Count == 0, "outcomes with fewer than two cases: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryConditionalOutcomeHasACaseWhereAnUnmetConditionFlipsIt()
    {
        var knowledge = RealKnowledge.Value;
        var conditional = knowledge.Jurisdictions.Values
            .SelectMany(j => j.Interviews.Values.SelectMany(i => i.Outcomes.Where(o => o.Verdict == Verdict.YesIf).Select(o => (i, o))));
        foreach (var (interview, outcome) in conditional)
        {
            // A flip: a case that leaves one of this outcome's conditions unmet and gets another outcome.
            var flipped = Cases.Any(c => c.Jurisdiction == interview.Jurisdiction && c.Topic == interview.Topic
                                         && c.Expect.Outcome != outcome.Id
                                         && outcome.Conditions.Any(oc => !oc.MetWhen.IsMetBy(InterviewPath.Walk(interview, c.Answers).Answers)));
            Assert.True(flipped, $"{interview.Jurisdiction}/{interview.Topic}/{outcome.Id}: no case shows an unmet condition flipping it");
        }
    }

    /// <summary>Everything the answer card would say in French: title, key points, conditions, references, resources.</summary>
    public static string FrenchRendering(Answer answer) => string.Join('\n',
    [
        KnowledgeBook.VerdictWords(answer.Verdict), answer.Title.Fr, .. answer.KeyPoints.Select(k => k.Fr),
        .. answer.Conditions.Select(c => c.Text.Fr), .. answer.References.Select(r => $"{r.Reference.Citation(Language.Fr)} {r.Reference.Title.Fr}"),
        .. answer.Resources.Select(r => r.Name.Fr),
    ]);
}
