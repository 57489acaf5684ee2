using System.Text.Json.Nodes;
using SecretBot.Bot.Tests.Conversations;
using SecretBot.Testing;
using SecretBot.Knowledge.Tests;
using SecretBot.Knowledge.Evaluation;
using SecretBot.Knowledge.Model;

namespace SecretBot.Bot.Tests.Privacy;

/// <summary>
/// Plays the conversation corpus against a bot with a fresh sentinel in every free text: each
/// labelled routing message (half in personal chat, half @mentioned in a channel) and as search
/// words; each knowledge case walked (<see cref="InterviewWalk"/>) with a garbage reply before every
/// answer, answers clicked with an extra free-text card value, then feedback and the référents; the
/// commands with words added.
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
        foreach (var (knowledgeCase, index) in KnowledgeCase.LoadAll(RealKnowledge.CasesDirectory).Select((c, i) => (c, i)))
            await WalkAsync(knowledgeCase, index);
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

    /// <summary>A case walked with a garbage reply before every answer, and a free-text value on every button clicked.</summary>
    private async Task WalkAsync(KnowledgeCase knowledgeCase, int index)
    {
        var user = User(InterviewWalk.LocaleOf(knowledgeCase));
        var clicks = index % 2 == 0 ? Clicks.Execute : Clicks.SubmitFallback;
        var answer = await InterviewWalk.WalkAsync(user, knowledgeCase, clicks, () => $"euh… {Sentinel()}", WithNote);
        Assert.Contains(CardReading.Plain(SecretBot.Cards.Texts.TextCatalog.For(SecretBot.Knowledge.Model.Language.Fr)["notAlone.title"]), answer.Text());
        await user.ExecuteAsync(WithNote(answer.Button("feedback", "rating", "down")), null);
        await user.ExecuteAsync(WithNote(answer.Button("ask-referent")), null);
        var asked = InterviewPath.Walk(RealKnowledge.Value.Interview(knowledgeCase.Jurisdiction, knowledgeCase.Topic), knowledgeCase.Answers).Asked.Count;
        _turns += 2 + 2 * asked + 2;
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
