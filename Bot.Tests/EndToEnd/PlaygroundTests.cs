using SecretBot.Knowledge.Model;
using Microsoft.Playwright;
using SecretBot.Testing;
using SecretBot.Cards.Texts;

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

    [Fact]
    public Task TheWelcomeCardOffersTheFourTopics() => InPlaygroundAsync(async page =>
    {
        foreach (var topic in new[] { "Le secret professionnel me lie-t-il ?", "Puis-je partager avec ce partenaire ?",
                     "Police ou justice : que puis-je dire ?", "Quelqu'un est en danger : puis-je parler ?" })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = topic }).First.WaitForAsync(new() { Timeout = 30_000 });
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

        await page.GetByText("La police vous appelle").First.WaitForAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("playground", "typed-message.png") });
    });

    [Fact]
    public Task AnInterviewIsWalkedByClickingTheRenderedButtons() => InPlaygroundAsync(async page =>
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Puis-je partager avec ce partenaire ?" }).First.ClickAsync();
        await page.GetByText("Avec qui voulez-vous partager ?").First.WaitForAsync(new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "L'école" }).First.ClickAsync();

        await page.GetByText("Non : pas de secret partagé avec l'école").First.WaitForAsync(new() { Timeout = 30_000 });
        await page.GetByText(Texts["notAlone.title"]).First.WaitForAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("playground", "share-school.png"), FullPage = true });
    });

    [Theory]
    [InlineData("bound", "Le secret professionnel me lie-t-il ?", "Santé : médecine|Au travail, auprès", "Oui, le secret professionnel s'impose à vous")]
    [InlineData("police", "Police ou justice : que puis-je dire ?", "La police (téléphone", "Vous ne pouvez rien révéler")]
    [InlineData("danger", "Quelqu'un est en danger : puis-je parler ?", "Un enfant (moins de 18 ans)|Grave et imminent|Oui, des faits ont déjà eu lieu|Non, même avec", "Vous pouvez informer le procureur du Roi")]
    public Task EachTopicIsWalkedByClickingTheRenderedButtons(string topic, string topicButton, string choices, string verdict) =>
        InPlaygroundAsync(async page =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = topicButton }).First.ClickAsync();
            foreach (var choice in choices.Split('|'))
            {
                var button = page.GetByRole(AriaRole.Button, new() { Name = choice }).Last;
                await button.WaitForAsync(new() { Timeout = 30_000 });
                await button.ClickAsync();
            }

            await page.GetByText(verdict).First.WaitForAsync(new() { Timeout = 30_000 });
            await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("playground", $"{topic}.png"), FullPage = true });
        });

    [Fact]
    public Task ALookUpIsAnsweredWithItsCard() => InPlaygroundAsync(async page =>
    {
        await page.Locator("[contenteditable=true][role=textbox]").ClickAsync();
        await page.Keyboard.TypeAsync("c'est quoi le maître du secret ?");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByText("Le maître du secret").First.WaitForAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("playground", "lookup.png") });
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
            await page.GetByText(Texts["welcome.title"]).First.WaitForAsync(new() { Timeout = 30_000 });
            await act(page);
        }
    }
}
