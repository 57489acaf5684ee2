using SecretBot.Testing;
using SecretBot.Knowledge.Tests;
using SecretBot.Knowledge.Evaluation;

namespace SecretBot.Bot.Tests.Conversations;

/// <summary>
/// Every knowledge case, walked through the real bot over HTTP as a person in Teams would (see
/// <see cref="InterviewWalk"/>), each with one way of clicking; the answer card must be the case's.
/// </summary>
public sealed class InterviewWalkTests : IAsyncLifetime
{
    private static readonly IReadOnlyList<KnowledgeCase> Cases = KnowledgeCase.LoadAll(RealKnowledge.CasesDirectory);
    private LocalConnector _connector = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Bot:Language"] = "fr" });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    public static TheoryData<string, Clicks> Walks()
    {
        var data = new TheoryData<string, Clicks>();
        foreach (var (knowledgeCase, index) in Cases.Select((c, i) => (c, i)))
        {
            data.Add(knowledgeCase.ToString(), (Clicks)(index % 3));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task WalkingTheInterviewReachesTheCasesAnswer(string caseName, Clicks clicks)
    {
        var knowledgeCase = Cases.Single(c => c.ToString() == caseName);
        var user = new TeamsUser(_bot, _connector, $"walk-{Guid.NewGuid():N}", InterviewWalk.LocaleOf(knowledgeCase));

        var answerCard = await InterviewWalk.WalkAsync(user, knowledgeCase, clicks);
        var answer = new Evaluator(RealKnowledge.Value).Evaluate(knowledgeCase.Jurisdiction, knowledgeCase.Topic, knowledgeCase.Answers);
        var text = answerCard.Text();
        Assert.Contains(CardReading.Plain(answer.Title.Fr), text);
        Assert.All(answer.References, r => Assert.Contains(CardReading.Plain(SecretBot.Cards.Model.MarkdownText.Escape(r.Reference.Citation(SecretBot.Knowledge.Model.Language.Fr))), text));
        Assert.Contains(CardReading.Plain(SecretBot.Cards.Texts.TextCatalog.For(SecretBot.Knowledge.Model.Language.Fr)["notAlone.title"]), text);
    }
}
