using SecretBot.Dialogs.Tests.Support;
using SecretBot.Dialogs.Runtime;

namespace SecretBot.Dialogs.Tests;

/// <summary>Waterfall order, skipped steps, nested dialogs and prompts, turn by turn.</summary>
public sealed class WaterfallTests
{
    [Fact]
    public async Task StepsRunInOrderAndTheNestedDialogReturnsItsResult()
    {
        var bot = new TestBot();
        Assert.Contains("Quelle est votre fonction ?", (await bot.SayAsync("bonjour")).Said);
        Assert.Contains("La personne est-elle d'accord ?", (await bot.SayAsync("assistante sociale")).Said);
        Assert.Contains("Avec qui ?", (await bot.SayAsync("oui")).Said);
        Assert.Contains("Sous-question 1 ?", (await bot.SayAsync("l'école")).Said);
        Assert.Contains("Sous-question 2 ?", (await bot.SayAsync("alpha")).Said);
        var last = await bot.SayAsync("delta");

        Assert.Contains("done role=social_worker consent=True partner=school sub=a-d", last.Said);
        Assert.Equal(DialogTurnOutcome.Completed, last.Outcome);
    }

    [Fact]
    public async Task AStepCanSkipAhead()
    {
        var bot = new TestBot();
        await bot.SayAsync("bonjour");
        var afterRole = await bot.SayAsync("aucune de celles-ci");

        Assert.DoesNotContain("d'accord", afterRole.Said);
        Assert.Contains("Avec qui ?", afterRole.Said);
        await bot.SayAsync("collegue");
        await bot.SayAsync("1");
        Assert.Contains("done role=none consent=skipped partner=colleague sub=a-c", (await bot.SayAsync("1")).Said);
    }

    [Theory]
    [InlineData("Assistant·e social·e", "social_worker")]
    [InlineData("ASSISTANTE SOCIALE", "social_worker")]
    [InlineData("as", "social_worker")]
    [InlineData("infirmière", "nurse")]
    [InlineData("infirmiere", "nurse")]
    [InlineData("je suis infirmier", "nurse")]
    [InlineData("2", "nurse")]
    [InlineData("3", "none")]
    public async Task ChoicesAreRecognisedFromWhatPeopleType(string typed, string expected)
    {
        var bot = new TestBot();
        await bot.SayAsync("bonjour");
        await bot.SayAsync(typed);
        await bot.SayAsync(expected == "none" ? "ecole" : "oui");
        if (expected != "none")
        {
            await bot.SayAsync("ecole");
        }

        await bot.SayAsync("a");
        Assert.Contains($"role={expected}", (await bot.SayAsync("c")).Said);
    }

    [Fact]
    public async Task ACardClickIsRecognisedAndTheClickedCardIsUpdated()
    {
        var bot = new TestBot();
        await bot.SayAsync("bonjour");
        var click = await bot.ClickAsync(new { prompt = "q.role", choice = "nurse" }, replyToId: "card-role");

        var update = Assert.Single(click.Updates);
        Assert.Equal("card-role", update.Id);
        Assert.Contains("Infirmier·ère", update.Message.Text);
        Assert.Contains("La personne est-elle d'accord ?", click.Said);
    }

    [Fact]
    public async Task ATypedAnswerUpdatesTheLastQuestionCard()
    {
        var bot = new TestBot();
        var first = await bot.SayAsync("bonjour");
        var questionId = first.Sent.Single(s => s.Message.RememberAs == "question").Id;
        var answer = await bot.SayAsync("infirmiere");

        Assert.Equal(questionId, Assert.Single(answer.Updates).Id);
    }

    [Fact]
    public async Task AClickOnAnOldCardRepeatsTheCurrentQuestionWithoutAnswering()
    {
        var bot = new TestBot();
        await bot.SayAsync("bonjour");
        await bot.SayAsync("infirmiere");
        var stale = await bot.ClickAsync(new { prompt = "q.role", choice = "social_worker" });

        Assert.Contains("déjà reçu une réponse", stale.Said);
        Assert.Contains("La personne est-elle d'accord ?", stale.Said);
        Assert.Empty(stale.Updates);
    }

    [Theory]
    [InlineData("ouais", "True")]
    [InlineData("d'accord", "True")]
    [InlineData("OK", "True")]
    [InlineData("pas du tout", "False")]
    [InlineData("nan", "False")]
    [InlineData("Non.", "False")]
    public async Task YesNoPromptUnderstandsEverydayWords(string typed, string expected)
    {
        var bot = new TestBot();
        await bot.SayAsync("bonjour");
        await bot.SayAsync("as");
        await bot.SayAsync(typed);
        await bot.SayAsync("ecole");
        await bot.SayAsync("a");
        Assert.Contains($"consent={expected}", (await bot.SayAsync("c")).Said);
    }

    [Fact]
    public async Task AnUnrecognisedReplyIsAskedAgainWithAHintAndThreeMissesOfferAStartOver()
    {
        var bot = new TestBot();
        await bot.SayAsync("bonjour");
        var miss1 = await bot.SayAsync("le chat de la voisine");
        var miss2 = await bot.SayAsync("zzz");
        var miss3 = await bot.SayAsync("???!");

        Assert.Contains("Je n'ai pas reconnu", miss1.Said);
        Assert.Contains("Quelle est votre fonction ?", miss1.Said);
        Assert.Contains("Je n'ai pas reconnu", miss2.Said);
        Assert.Contains("recommencer", miss3.Said);
        Assert.Contains("La personne est-elle d'accord ?", (await bot.SayAsync("as")).Said);
    }

    [Fact]
    public async Task ATextPromptHandsTheTextOnWithoutStoringIt()
    {
        const string sentinel = "SENTINEL-9d1f-Madame-L-habite-rue-Haute";
        var store = new SecretBot.Dialogs.State.MemoryStateStore();
        var bot = new TestBot(store, root: "notes");
        await bot.SayAsync("bonjour");
        var noted = await bot.SayAsync(sentinel);

        Assert.Contains($"noted {sentinel.Length} characters", noted.Said);
        var stored = await store.ReadAsync(bot.StateKey, default);
        Assert.DoesNotContain("SENTINEL", System.Text.Encoding.UTF8.GetString(stored!.Value));
    }
}
