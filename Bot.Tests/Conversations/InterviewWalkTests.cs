using System.Text.Json.Nodes;
using SecretBot.Bot.Tests.Infrastructure;
using SecretBot.Bot.Tests.Knowledge;
using SecretBot.Knowledge.Evaluation;
using SecretBot.Knowledge.Model;

namespace SecretBot.Bot.Tests.Conversations;

/// <summary>
/// Every knowledge case, walked through the real bot over HTTP as a person in Teams would: start the
/// topic from the welcome card's button, answer each question card by clicking the button for the
/// case's answer (Action.Execute invokes, or the Action.Submit fallback, or typing the label), and
/// read the answer card at the end.
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

    public enum Clicks { Execute, SubmitFallback, Typed }

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
        var locale = knowledgeCase.Jurisdiction == Jurisdiction.BE ? "fr-BE" : "fr-FR";
        var user = new TeamsUser(_bot, _connector, $"walk-{Guid.NewGuid():N}", locale);

        var welcome = (await user.SayAsync("bonjour")).Single().Card()!;
        await user.ExecuteAsync(welcome.Button("topic", "topic", knowledgeCase.Topic), null);
        var interview = RealKnowledge.Value.Interview(knowledgeCase.Jurisdiction, knowledgeCase.Topic);
        var expectedPath = InterviewPath.Walk(interview, knowledgeCase.Answers);

        var reply = user.NewReplies().Single();
        foreach (var question in expectedPath.Asked)
        {
            var card = reply.Card()!;
            Assert.Contains(question.Text.Fr, card.Text());
            var choiceId = knowledgeCase.Answers[question.Id];
            var button = card.Button("answer", "choice", choiceId);
            IReadOnlyList<ConnectorRequest> replies;
            switch (clicks)
            {
                case Clicks.Execute:
                    var response = await user.ExecuteAsync(button, reply.ReturnedId);
                    Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)response["type"]);
                    Assert.DoesNotContain(response["value"]!.AsObject().Buttons(), b => (string?)b["verb"] == "answer");
                    replies = user.NewReplies();
                    break;
                case Clicks.SubmitFallback:
                    await user.SubmitAsync(button, reply.ReturnedId);
                    replies = user.NewReplies();
                    break;
                default:
                    replies = await user.SayAsync(question.Choices.First(c => c.Id == choiceId).Label.Fr);
                    break;
            }

            if (clicks != Clicks.Execute)
            {
                // The question card is replaced by its answered form through the connector.
                Assert.Contains(replies, r => r.Method == "PUT");
            }

            reply = replies.Last(r => r.Method == "POST");
        }

        var answerCard = reply.Card()!;
        var answer = new Evaluator(RealKnowledge.Value).Evaluate(knowledgeCase.Jurisdiction, knowledgeCase.Topic, knowledgeCase.Answers);
        var text = answerCard.Text();
        Assert.Contains(answer.Title.Fr, text);
        Assert.All(answer.References, r => Assert.Contains(SecretBot.Cards.Model.MarkdownText.Escape(r.Citation("fr")), text));
        Assert.Contains("Ne restez pas seul·e", text);
    }
}
