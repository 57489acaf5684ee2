using Microsoft.Playwright;
using SecretBot.Bot.Tests.Infrastructure;
using SecretBot.Bot.Texts;

namespace SecretBot.Bot.Tests.EndToEnd;

/// <summary>
/// The bot against the real Microsoft 365 Agents Playground (Teams emulation), driven through its
/// web UI in Debian's Chromium as a person would: the welcome on install, then a typed message.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class PlaygroundTests
{
    private static readonly HostTexts Texts = HostTexts.Load();

    [Fact]
    public async Task TypedMessageInThePlaygroundGetsTheBotsReply()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Bot:Language"] = "fr" });
        await using var playground = await PlaygroundProcess.StartAsync(bot.MessagesUrl);
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new() { Width = 1280, Height = 900 } });
            await page.GotoAsync(playground.Url.ToString());

            await page.GetByText(Opening(Texts.Get("welcome", "fr"))).First.WaitForAsync(new() { Timeout = 30_000 });

            var compose = page.Locator("[contenteditable=true][role=textbox]");
            await compose.ClickAsync();
            await page.Keyboard.TypeAsync("bonjour le bot");
            await page.Keyboard.PressAsync("Enter");

            await page.GetByText(Opening(Texts.Get("reply", "fr"))).First.WaitForAsync(new() { Timeout = 30_000 });
            await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("playground", "typed-message.png") });
        }
    }

    /// <summary>The first words of a text: enough to find it, short of where the UI may wrap or cut it.</summary>
    private static string Opening(string text) => text[..Math.Min(30, text.Length)];
}
