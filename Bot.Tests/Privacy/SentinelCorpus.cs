using System.Text.Json.Nodes;
using SecretBot.Bot.Tests.Conversations;
using SecretBot.Bot.Tests.Infrastructure;
using SecretBot.Bot.Tests.Knowledge;
using SecretBot.Knowledge.Evaluation;
using SecretBot.Knowledge.Model;

namespace SecretBot.Bot.Tests.Privacy;

/// <summary>
/// Plays the conversation corpus against a bot with a fresh sentinel in every free text: each
/// labelled routing message (half in personal chat, half @mentioned in a channel) and as search
/// words; each knowledge case walked with a garbage reply before every answer, answers clicked with
/// an extra free-text card value, then feedback and the référents; the commands with words added.
/// </summary>
public sealed class SentinelCorpus(BotHost bot, LocalConnector connector)
{
    /// <summary>What every sentinel starts with; searched for without regard to case.</summary>
    public const string Marker = "LEAKSCAN";

    private int _sentinels;
    private int _turns;

    public int Sentinels => _sentinels;

    public int Turns => _turns;

    public async Task PlayAsync()
    {
        foreach (var (message, index) in RoutingSet.Load().Messages.Select((m, i) => (m, i)))
            await RoutingMessageAsync(message, index);
        foreach (var knowledgeCase in KnowledgeCase.LoadAll(RealKnowledge.CasesDirectory))
            await WalkAsync(knowledgeCase);
        await CommandsAsync();
    }

    private string Sentinel() => $"{Marker}-{Interlocked.Increment(ref _sentinels):D4}-{Guid.NewGuid():N}"[..26];

    private TeamsUser User(string locale, string conversationType = "personal") =>
        new(bot, connector, $"leak-{Guid.NewGuid():N}", locale, conversationType) { UserName = $"Théo {Sentinel()}" };

    private async Task RoutingMessageAsync(RoutingSet.Labelled message, int index)
    {
        var locale = message.J == Jurisdiction.BE ? "fr-BE" : "fr-FR";
        var text = $"{message.Text} — {Sentinel()}";
        var user = index % 2 == 0 ? User(locale) : User(locale, "channel");
        _ = index % 2 == 0 ? await user.SayAsync(text) : await user.MentionAsync(text);
        await user.SearchAsync($"{Sentinel()} {message.Text}");
        _turns += 2;
    }

    private async Task WalkAsync(KnowledgeCase knowledgeCase)
    {
        var user = User(knowledgeCase.Jurisdiction == Jurisdiction.BE ? "fr-BE" : "fr-FR");
        var welcome = (await user.SayAsync("bonjour")).Single().Card()!;
        await user.ExecuteAsync(WithNote(welcome.Button("topic", "topic", knowledgeCase.Topic)), null);
        _turns += 2;
        var interview = RealKnowledge.Value.Interview(knowledgeCase.Jurisdiction, knowledgeCase.Topic);
        var reply = user.NewReplies().Last(r => r.Method == "POST");
        foreach (var (question, step) in InterviewPath.Walk(interview, knowledgeCase.Answers).Asked.Select((q, i) => (q, i)))
        {
            // A reply that fits no choice: the question is asked again, with a hint.
            reply = (await user.SayAsync($"euh… {Sentinel()}")).Last(r => r.Method == "POST");
            var button = reply.Card()!.Buttons().FirstOrDefault(b => (string?)b["verb"] == "answer" && (string?)b["data"]?["choice"] == knowledgeCase.Answers[question.Id])
                ?? throw new Xunit.Sdk.XunitException($"{knowledgeCase}: no button {knowledgeCase.Answers[question.Id]} on\n{reply.Card()!.Text()}");
            if (step % 2 == 0)
                await user.ExecuteAsync(WithNote(button), reply.ReturnedId);
            else
                await user.SubmitAsync(WithNote(button), reply.ReturnedId);
            _turns += 2;
            reply = user.NewReplies().Last(r => r.Method == "POST");
        }

        var answer = reply.Card()!;
        Assert.Contains("Ne restez pas seul·e", answer.Text());
        await user.ExecuteAsync(WithNote(answer.Button("feedback", "rating", "down")), reply.ReturnedId);
        await user.ExecuteAsync(WithNote(answer.Button("ask-referent")), reply.ReturnedId);
        _turns += 2;
    }

    private async Task CommandsAsync()
    {
        var user = User("fr-BE");
        foreach (var command in new[] { "aide", "pays", "langue", "retour", "recommencer", "annuler", "help" })
        {
            await user.SayAsync($"{command} {Sentinel()}");
            await user.SayAsync(command);
            _turns += 2;
        }
    }

    /// <summary>The button with a free-text value added to its data, as a tampered or future card could send.</summary>
    private JsonObject WithNote(JsonObject button)
    {
        var copy = button.DeepClone().AsObject();
        copy["data"]!["note"] = Sentinel();
        copy["fallback"]!["data"]!["note"] = Sentinel();
        return copy;
    }
}
