using SecretBot.Dialogs.Tests.Support;
namespace SecretBot.Dialogs.Tests;

/// <summary>Each command, said in the middle of a nested dialog, before the active prompt sees the message.</summary>
public sealed class EventTests
{
    /// <summary>Walks to the nested dialog's second question: role, consent, partner, sub1 answered.</summary>
    private static async Task<TestBot> InsideNestedDialogAsync()
    {
        var bot = new TestBot();
        foreach (var reply in new[] { "bonjour", "infirmiere", "oui", "ecole", "alpha" })
        {
            await bot.SayAsync(reply);
        }

        return bot;
    }

    [Theory]
    [InlineData("aide")]
    [InlineData("Help")]
    [InlineData("AIDE !")]
    public async Task HelpGivesTheQuestionsHelpThenTheSameQuestion(string command)
    {
        var bot = new TestBot();
        await bot.SayAsync("bonjour");
        var help = await bot.SayAsync(command);

        Assert.Contains("AIDE-ROLE", help.Said);
        Assert.EndsWith("3. Aucune de celles-ci", help.Said);
        Assert.Contains("La personne est-elle d'accord ?", (await bot.SayAsync("as")).Said);
    }

    [Fact]
    public async Task HelpInsideTheNestedDialogFallsBackToTheGeneralHelp()
    {
        var bot = await InsideNestedDialogAsync();
        var help = await bot.SayAsync("aide");
        Assert.Contains("Commandes", help.Said);
        Assert.Contains("Sous-question 2 ?", help.Said);
    }

    [Fact]
    public async Task CancelLeavesEverythingAndTheNextMessageStartsAfresh()
    {
        var bot = await InsideNestedDialogAsync();
        Assert.Contains("annulé", (await bot.SayAsync("annuler")).Said);
        Assert.Contains("Quelle est votre fonction ?", (await bot.SayAsync("bonjour")).Said);
    }

    [Fact]
    public async Task RestartBeginsTheInterviewAgainFromItsFirstQuestion()
    {
        var bot = await InsideNestedDialogAsync();
        Assert.Contains("Quelle est votre fonction ?", (await bot.SayAsync("recommencer")).Said);
        await bot.SayAsync("as");
        await bot.SayAsync("non");
        await bot.SayAsync("collegue");
        await bot.SayAsync("bravo");
        Assert.Contains("done role=social_worker consent=False partner=colleague sub=b-d", (await bot.SayAsync("delta")).Said);
    }

    [Fact]
    public async Task BackInsideTheNestedDialogAsksItsPreviousQuestionKeepingTheOtherAnswers()
    {
        var bot = await InsideNestedDialogAsync();
        Assert.Contains("Sous-question 1 ?", (await bot.SayAsync("retour")).Said);
        await bot.SayAsync("bravo");
        Assert.Contains("done role=nurse consent=True partner=school sub=b-c", (await bot.SayAsync("charlie")).Said);
    }

    [Fact]
    public async Task BackAtTheNestedDialogsFirstQuestionGoesToTheParentsPreviousQuestion()
    {
        var bot = new TestBot();
        foreach (var reply in new[] { "bonjour", "infirmiere", "oui", "ecole" })
        {
            await bot.SayAsync(reply);
        }

        Assert.Contains("Avec qui ?", (await bot.SayAsync("back")).Said);
        await bot.SayAsync("collegue");
        await bot.SayAsync("alpha");
        Assert.Contains("done role=nurse consent=True partner=colleague sub=a-c", (await bot.SayAsync("charlie")).Said);
    }

    [Fact]
    public async Task BackCrossesASkippedStep()
    {
        var bot = new TestBot();
        await bot.SayAsync("bonjour");
        await bot.SayAsync("aucune de celles-ci");
        var back = await bot.SayAsync("retour");

        Assert.Contains("Quelle est votre fonction ?", back.Said);
        Assert.DoesNotContain("d'accord", back.Said);
    }

    [Fact]
    public async Task BackAtTheFirstQuestionSaysSoAndAsksItAgain()
    {
        var bot = new TestBot();
        await bot.SayAsync("bonjour");
        var back = await bot.SayAsync("retour");
        Assert.Contains("première question", back.Said);
        Assert.Contains("Quelle est votre fonction ?", back.Said);
    }

    [Fact]
    public async Task BackFromAButtonWorksLikeTheWord()
    {
        var bot = new TestBot();
        await bot.SayAsync("bonjour");
        await bot.SayAsync("infirmiere");
        Assert.Contains("Quelle est votre fonction ?", (await bot.ClickAsync(new { command = "back" })).Said);
    }

    [Theory]
    [InlineData("langue", "picker:language")]
    [InlineData("country", "picker:country")]
    [InlineData("pays", "picker:country")]
    public async Task LanguageAndCountryReachTheDialogThatSettlesThemThenTheQuestionReturns(string command, string expected)
    {
        var bot = await InsideNestedDialogAsync();
        var said = (await bot.SayAsync(command)).Said;
        Assert.Contains(expected, said);
        Assert.Contains("Sous-question 2 ?", said);
    }

    [Fact]
    public async Task ACommandIsOnlyACommandWhenItIsTheWholeMessage()
    {
        var bot = new TestBot();
        await bot.SayAsync("bonjour");
        var reply = await bot.SayAsync("j'ai besoin d'aide avec un dossier difficile");
        Assert.Contains("Je n'ai pas reconnu", reply.Said);
    }
}
