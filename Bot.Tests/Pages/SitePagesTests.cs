using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using SecretBot.Protocol.Configuration;

namespace SecretBot.Bot.Tests.Pages;

/// <summary>A bot with its organisation configured, whose pages the tests read over HTTP.</summary>
public sealed class PagesBot : IAsyncLifetime
{
    public const string Name = "CPAS de Namur & Co";
    public const string Contact = "dpo@cpas-namur.example.be";

    public BotHost Bot { get; private set; } = null!;

    public HttpClient Http { get; } = new();

    public async Task InitializeAsync() => Bot = await BotHost.StartAsync(new Dictionary<string, string?>
    {
        ["Organization:Name"] = Name,
        ["Organization:Contact"] = Contact,
        ["State:UserTtl"] = "60.00:00:00",
        ["State:ConversationTtl"] = "00:45:00",
    });

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Bot.DisposeAsync();
    }
}

/// <summary>
/// <c>/</c>, <c>/privacy</c> and <c>/terms</c> (the Teams manifest's links) over real HTTP: French by
/// default, English on request, UTF-8 HTML that names the organisation and its contact, says how
/// long preferences and conversations are kept as configured, and loads nothing from elsewhere.
/// </summary>
public sealed partial class SitePagesTests(PagesBot fixture) : IClassFixture<PagesBot>
{
    public static TheoryData<string, string?, string?, string> Requests => new()
    {
        // path, ?lang, Accept-Language, the language expected
        { "", null, null, "fr" },
        { "privacy", null, null, "fr" },
        { "terms", null, null, "fr" },
        { "", "en", null, "en" },
        { "privacy", "en", null, "en" },
        { "terms", "en", null, "en" },
        { "privacy", null, "en-GB,en;q=0.9", "en" },
        { "terms", null, "fr-BE,fr;q=0.9,en;q=0.8", "fr" },
        { "privacy", null, "de-DE,en;q=0.5", "en" },
        { "privacy", null, "en;q=0.2,fr;q=0.7", "fr" },
        { "privacy", null, "de,nl", "fr" },
        { "terms", "fr", "en-US", "fr" },
        { "privacy", "EN", "fr", "en" },
        { "terms", "de", "en", "en" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task EachPageAnswersInTheAskedLanguageWithTheOrganisation(string path, string? lang, string? acceptLanguage, string expected)
    {
        var (response, html) = await GetAsync(path, lang, acceptLanguage);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal([expected], response.Content.Headers.ContentLanguage);
        Assert.Contains($"<html lang=\"{expected}\">", html);
        Assert.Contains("CPAS de Namur &amp; Co", html);
        Assert.DoesNotContain("{{", html);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task ThePrivacyPageSaysWhatIsKeptForHowLongAndWhomToContact(string language)
    {
        var (_, html) = await GetAsync("privacy", language);

        Assert.Contains(language == "fr" ? "60 jours" : "60 days", html);
        Assert.Contains("45 minutes", html);
        Assert.Contains($"<a href=\"mailto:{PagesBot.Contact}\">{PagesBot.Contact}</a>", html);
        // What people type, what Teams keeps, the référents' posts, the measurements.
        var sections = language == "fr"
            ? new[] { "Ce que SecretBot garde", "Rien de ce que vous écrivez", "Ce que Teams garde", "Le canal des référent·es", "Mesures de fonctionnement", "Contact" }
            : ["What SecretBot keeps", "Nothing you write", "What Teams keeps", "The referents’ channel", "Service measurements", "Contact"];
        Assert.All(sections, section => Assert.Contains(section, html));
    }

    [Theory]
    [InlineData("")]
    [InlineData("privacy")]
    [InlineData("terms")]
    public async Task BothLanguagesHaveTheSameStructureAndPlainAccessibleHtml(string path)
    {
        var (_, french) = await GetAsync(path, "fr");
        var (_, english) = await GetAsync(path, "en");

        foreach (var html in new[] { french, english })
        {
            Assert.StartsWith("<!DOCTYPE html>", html);
            Assert.Single(Regex.Matches(html, "<h1>"));
            Assert.Single(Regex.Matches(html, "<main>"));
            Assert.Matches("<title>SecretBot[^<]*</title>", html);
            Assert.Contains("<meta charset=\"utf-8\">", html);
            // Every element opened is closed (void elements apart).
            foreach (var tag in new[] { "html", "head", "body", "header", "nav", "main", "h1", "h2", "p", "ul", "li", "a", "strong", "title", "style" })
            {
                Assert.True(Regex.Matches(html, $"<{tag}[ >]").Count == Regex.Matches(html, $"</{tag}>").Count, $"<{tag}> is not closed in\n{html}");
            }

            // Nothing loaded from elsewhere: no script, no image, no external style; links are the
            // site's own pages or the contact.
            Assert.DoesNotContain("<script", html);
            Assert.DoesNotContain("src=", html);
            Assert.DoesNotContain("<link", html);
            Assert.All(Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value),
                href => Assert.Matches(@"^(\./|privacy|terms)?\?lang=(fr|en)$|^mailto:", href));
        }

        Assert.Equal(Regex.Matches(french, "<h2>").Count, Regex.Matches(english, "<h2>").Count);
        Assert.Equal(Regex.Matches(french, "<li>").Count, Regex.Matches(english, "<li>").Count);
        Assert.Contains("hreflang=\"en\"", french);
        Assert.Contains("hreflang=\"fr\"", english);
    }

    [Fact]
    public async Task HeadAnswersLikeGetWithoutABodyAndOtherPathsStillAnswer404()
    {
        using var head = await fixture.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(fixture.Bot.BaseUrl, "privacy")));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("text/html; charset=utf-8", head.Content.Headers.ContentType!.ToString());
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());

        using var elsewhere = await fixture.Http.GetAsync(new Uri(fixture.Bot.BaseUrl, "privacy.html"));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        using var post = await fixture.Http.PostAsync(new Uri(fixture.Bot.BaseUrl, "privacy"), new StringContent(""));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
    }

    [Fact]
    public async Task ThePagesSayWhoMayLoadThemAndThatTheyDependOnTheLanguage()
    {
        var (response, _) = await GetAsync("terms", null);
        Assert.Contains("Accept-Language", response.Headers.Vary);
        Assert.Contains("default-src 'none'", string.Join(" ", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("fr", "votre organisation", "le service informatique de votre organisation")]
    [InlineData("en", "your organisation", "your organisation’s IT department")]
    public async Task WithoutAnOrganisationConfiguredThePagesSpeakOfYourOrganisation(string language, string organisation, string contact)
    {
        await using var bot = await BotHost.StartAsync();
        using var response = await fixture.Http.GetAsync(new Uri(bot.BaseUrl, $"privacy?lang={language}"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(organisation, html);
        Assert.Contains(contact, html);
        Assert.Contains(language == "fr" ? "90 jours" : "90 days", html);
        Assert.Contains("30 minutes", html);
        Assert.DoesNotContain("{{", html);
    }

    [Theory]
    [InlineData("https://cpas-namur.example.be/contact", true)]
    [InlineData("privacy@example.org", true)]
    [InlineData("http://cpas-namur.example.be/contact", false)]
    [InlineData("Délégué <privacy@example.org>", false)]
    [InlineData("mailto:privacy@example.org", false)]
    [InlineData("téléphonez au 081 00 00 00", false)]
    [InlineData("ftp://example.org/", false)]
    public async Task TheContactIsAnEmailAddressOrAnHttpsPage(string contact, bool accepted)
    {
        var settings = new Dictionary<string, string?> { ["Organization:Contact"] = contact };
        if (accepted)
        {
            await using var bot = await BotHost.StartAsync(settings);
            var html = await fixture.Http.GetStringAsync(new Uri(bot.BaseUrl, "terms"));
            Assert.Contains($">{contact}</a>", html);
        }
        else
        {
            var exception = await Assert.ThrowsAsync<SettingException>(() => BotHost.StartAsync(settings));
            Assert.Equal("Organization:Contact", exception.Setting);
        }
    }

    [Fact]
    public async Task AnOrganisationNameTooLongForAPageStopsTheStart()
    {
        var exception = await Assert.ThrowsAsync<SettingException>(() =>
            BotHost.StartAsync(new Dictionary<string, string?> { ["Organization:Name"] = new string('x', 121) }));
        Assert.Equal("Organization:Name", exception.Setting);
    }

    private async Task<(HttpResponseMessage Response, string Html)> GetAsync(string path, string? lang, string? acceptLanguage = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Bot.BaseUrl, path + (lang is null ? "" : $"?lang={lang}")));
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        var response = await fixture.Http.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }
}
