using SecretBot.Knowledge.Model;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using SecretBot.Testing;
using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;
using SecretBot.Knowledge.Tests;

namespace SecretBot.Bot.Tests.EndToEnd;

/// <summary>
/// The bot against the real Microsoft 365 Agents Playground (Teams emulation), driven through its
/// web UI in Debian's Chromium as a person would: the welcome on install, a typed urgent message,
/// an interview per topic clicked through to its answer, a look-up.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class PlaygroundTests
{
    private static readonly TextCatalog Texts = TextCatalog.For(Language.Fr);

    /// <summary>
    /// A text as the card shows it (’ for ', as the cards typeset French); its spaces stay plain, as
    /// Playwright reads every kind of space as one.
    /// </summary>
    private static string Seen(string text) => CardTypography.Typeset("fr", text).Replace('\u00A0', ' ').Replace('\u202F', ' ');

    /// <summary>The start of a choice's label, found on its button whether it shows the label whole or numbered and cut.</summary>
    private static string ButtonHead(string label) => Seen(label[..Math.Min(12, label.Length)]);

    [Fact]
    public Task TheWelcomeCardOffersTheFourTopics() => InPlaygroundAsync(async page =>
    {
        foreach (var topic in new[] { "Secret ou simple discrétion ?", "Partager avec un partenaire ?",
                     "Police, justice : que dire ?", "Quelqu'un est en danger" })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = Seen(topic) }).First.WaitForAsync(new() { Timeout = 30_000 });
        }

        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("playground", "welcome.png") });
    });

    [Fact]
    public Task ATypedUrgentMessageGetsTheReflexesCard() => InPlaygroundAsync(async page =>
    {
        var compose = page.Locator("[contenteditable=true][role=textbox]");
        await compose.ClickAsync();
        await page.Keyboard.TypeAsync("un policier m'appelle au téléphone");
        await page.Keyboard.PressAsync("Enter");

        await page.GetByText(Seen("La police vous appelle")).First.WaitForAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("playground", "typed-message.png") });
    });

    [Fact]
    public Task AnInterviewIsWalkedByClickingTheRenderedButtons() => InPlaygroundAsync(async page =>
    {
        await page.GetByRole(AriaRole.Button, new() { Name = Seen("Partager avec un partenaire ?") }).First.ClickAsync();
        await page.GetByText("Avec qui voulez-vous partager ?").First.WaitForAsync(new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = Seen("L'école") }).First.ClickAsync();

        await page.GetByText(Seen("Non : pas de secret partagé avec l'école")).First.WaitForAsync(new() { Timeout = 30_000 });
        await page.GetByText(Seen(Texts["notAlone.title"])).First.WaitForAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("playground", "share-school.png"), FullPage = true });
    });

    [Theory]
    [InlineData("bound", "Secret ou simple discrétion ?", "Santé : médecine|Au travail, auprès", "Oui, le secret professionnel s'impose à vous")]
    [InlineData("police", "Police, justice : que dire ?", "La police|Oui", "Vous ne pouvez rien révéler")]
    [InlineData("danger", "Quelqu'un est en danger", "Un enfant|Grave et imminent|Oui|Oui, des faits|Non, même avec", "Vous pouvez informer le procureur du Roi")]
    public Task EachTopicIsWalkedByClickingTheRenderedButtons(string topic, string topicButton, string choices, string verdict) =>
        InPlaygroundAsync(async page =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = Seen(topicButton) }).First.ClickAsync();
            foreach (var choice in choices.Split('|'))
            {
                var button = page.GetByRole(AriaRole.Button, new() { Name = Seen(choice) }).Last;
                await button.WaitForAsync(new() { Timeout = 30_000 });
                await button.ClickAsync();
            }

            await page.GetByText(Seen(verdict)).First.WaitForAsync(new() { Timeout = 30_000 });
            await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("playground", $"{topic}.png"), FullPage = true });
        });

    [Fact]
    public Task ALookUpIsAnsweredWithItsCard() => InPlaygroundAsync(async page =>
    {
        await page.Locator("[contenteditable=true][role=textbox]").ClickAsync();
        await page.Keyboard.TypeAsync("c'est quoi le maître du secret ?");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByText(Seen("Le maître du secret")).First.WaitForAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("playground", "lookup.png") });
    });

    [Fact]
    public Task InAGroupChatTwoPeopleAnswerOneInterviewAndEveryoneSeesEachAnswer() => InPlaygroundAsync(async page =>
    {
        // The Playground's own group chat: Alex Wilber (the Playground's user) and Megan Bowen, one of
        // its members. Its page acts as Alex; a click marked as Megan's goes to the Playground as hers,
        // and the Playground sends the bot her invoke.
        string? actingAs = null;
        var clickers = new List<string>();
        await page.RouteAsync("**/v1/invoke", async route =>
        {
            var body = System.Text.Json.Nodes.JsonNode.Parse(route.Request.PostData!)!.AsObject();
            if (actingAs is not null)
                body["from"] = new System.Text.Json.Nodes.JsonObject { ["id"] = actingAs };
            clickers.Add((string?)body["from"]?["id"] ?? "?");
            await route.ContinueAsync(new() { PostData = System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()) });
        });
        // Opening the group chat installs the bot there: its welcome says how to ask in a group.
        await page.GetByRole(AriaRole.Treeitem, new() { Name = "Group Chat" }).ClickAsync();
        await page.GetByText(Seen(Texts["welcome.groupHow"])).First.WaitForAsync(new() { Timeout = 30_000 });
        await page.GetByTitle("Hide log panel").ClickAsync();
        await page.Locator("[contenteditable=true][role=textbox]").ClickAsync();
        // In a group chat the bot hears only what @mentions it: "@Test" and the Playground's suggestion.
        var botNames = page.GetByText("Test Bot", new() { Exact = true });
        var before = await botNames.CountAsync();
        await page.Keyboard.TypeAsync("@Test");
        // The suggestion is the newest "Test Bot" on the page (the others sign the bot's messages).
        await Expect(botNames).ToHaveCountAsync(before + 1);
        await botNames.Last.ClickAsync();
        await page.Keyboard.TypeAsync(" puis-je en parler à un partenaire ?");
        await page.Keyboard.PressAsync("Enter");

        // Alex, Megan, Alex, Megan: each answers the question on screen, by its rendered button.
        var interview = RealKnowledge.Value.Interview(Jurisdiction.BE, Topics.Share);
        var answers = new[] { ("partner", "colleague_bound"), ("consent", "yes"), ("same_mission", "yes"), ("necessary", "yes") };
        var people = new[] { null, "user-id-1", null, "user-id-1" };
        for (var i = 0; i < answers.Length; i++)
        {
            var question = interview.FindQuestion(answers[i].Item1)!;
            await page.GetByText(Seen(question.Text.Fr)).Last.WaitForAsync(new() { Timeout = 30_000 });
            var label = question.Choices.Single(c => c.Id == answers[i].Item2).Label.Fr;
            actingAs = people[i];
            await page.GetByRole(AriaRole.Button, new() { Name = ButtonHead(label) }).Last.ClickAsync();
            // The clicked card turns into its answered form for everyone: the answer chosen, not whose.
            await page.GetByText(Seen(Texts.Format("answered.sharedAnswer", label))).First.WaitForAsync(new() { Timeout = 30_000 });
        }

        var outcome = new SecretBot.Knowledge.Evaluation.Evaluator(RealKnowledge.Value)
            .Evaluate(Jurisdiction.BE, Topics.Share, answers.ToDictionary(a => a.Item1, a => a.Item2));
        await page.GetByText(Seen(outcome.Title.Fr)).First.WaitForAsync(new() { Timeout = 30_000 });
        Assert.Equal(["user-id-0", "user-id-1", "user-id-0", "user-id-1"], clickers);
        // No question is left with buttons to click: every answered card was replaced.
        foreach (var (id, _) in answers)
        {
            foreach (var choice in interview.FindQuestion(id)!.Choices)
                Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = ButtonHead(choice.Label.Fr) }).CountAsync());
        }

        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("playground", "group-chat.png"), FullPage = true });
        // At a phone's width (390 px; tall, so that the compose box covers no card), each card of the conversation as the Playground draws it.
        await page.SetViewportSizeAsync(390, 2400);
        var cards = page.Locator(".ac-adaptiveCard");
        var count = await cards.CountAsync();
        for (var i = 0; i < count; i++)
            await cards.Nth(i).ScreenshotAsync(new() { Path = Artifacts.PathFor("playground", $"group-chat-phone-{i + 1}.png") });
    });

    /// <summary>A bot (French, Belgium), the Playground against it, and a page that has seen the welcome card.</summary>
    private static async Task InPlaygroundAsync(Func<IPage, Task> act)
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Bot:Language"] = "fr", ["Bot:DefaultJurisdiction"] = "BE" });
        await using var playground = await PlaygroundProcess.StartAsync(bot.MessagesUrl);
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new() { Width = 1280, Height = 1000 } });
            await page.GotoAsync(playground.Url.ToString());
            await page.GetByText(Seen(Texts["welcome.title"])).First.WaitForAsync(new() { Timeout = 30_000 });
            try
            {
                await act(page);
            }
            catch
            {
                // What the page showed when the test gave up, for whoever reads the failure.
                await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("playground", "failure.png"), FullPage = true });
                throw;
            }
        }
    }
}
