using System.Text.Json.Nodes;
using SecretBot.Testing;
using SecretBot.Knowledge.Tests;
using SecretBot.Knowledge.Evaluation;
using SecretBot.Knowledge.Model;

namespace SecretBot.Bot.Tests.Conversations;

/// <summary>How a person answers a question card.</summary>
public enum Clicks { Execute, SubmitFallback, Typed }

/// <summary>
/// A knowledge case walked through the real bot as a person in Teams would: start the topic from
/// the welcome card's button, answer each question card by clicking the button for the case's
/// answer (Action.Execute invokes, or the Action.Submit fallback, or typing the label), each turn's
/// replies checked on the way; the answer card at the end. Asked for the country first (the Teams
/// language does not decide it), the person picks the case's.
/// </summary>
public static class InterviewWalk
{
    /// <summary>The Teams locale of someone working under the case's jurisdiction.</summary>
    public static string LocaleOf(KnowledgeCase knowledgeCase) => knowledgeCase.Jurisdiction == Jurisdiction.BE ? "fr-BE" : "fr-FR";

    /// <param name="mumble">When given, before each answer the person types this reply that fits no choice, and answers the question asked again.</param>
    /// <param name="tamper">When given, each button is changed by it before it is clicked (an extra free-text value, say).</param>
    public static async Task<JsonObject> WalkAsync(TeamsUser user, KnowledgeCase knowledgeCase, Clicks clicks,
        Func<string>? mumble = null, Func<JsonObject, JsonObject>? tamper = null)
    {
        tamper ??= button => button;
        var welcome = (await user.SayAsync("bonjour")).Single().Card()!;
        await user.ExecuteAsync(tamper(welcome.Button("topic", "topic", knowledgeCase.Topic)), null);
        var interview = RealKnowledge.Value.Interview(knowledgeCase.Jurisdiction, knowledgeCase.Topic);
        var expectedPath = InterviewPath.Walk(interview, knowledgeCase.Answers);

        var reply = user.NewReplies().Single();
        if (reply.Card()!.Buttons().Any(b => (string?)b["verb"] == "jurisdiction"))
        {
            await user.ExecuteAsync(tamper(reply.Card()!.Button("jurisdiction", "jurisdiction", knowledgeCase.Jurisdiction.ToString().ToLowerInvariant())), null);
            reply = user.NewReplies().Last(r => r.Method == "POST");
        }

        foreach (var question in expectedPath.Asked)
        {
            if (mumble is not null)
            {
                reply = (await user.SayAsync(mumble())).Last(r => r.Method == "POST");
            }

            var card = reply.Card()!;
            Assert.Contains(CardReading.Plain(question.Text.Fr), card.Text());
            var choiceId = knowledgeCase.Answers[question.Id];
            var button = tamper(card.Button("answer", "choice", choiceId));
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

        return reply.Card()!;
    }
}
