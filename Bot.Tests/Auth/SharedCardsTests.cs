using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SecretBot.Bot.Tests.Conversations;
using SecretBot.Testing;

namespace SecretBot.Bot.Tests.Auth;

/// <summary>
/// The message extension's cards, dropped into a chat where nobody talks to the bot: no dialog
/// button, and — for a bot with an identity — a link that opens its personal chat.
/// </summary>
public sealed class SharedCardsTests(AuthenticatedBot fixture) : IClassFixture<AuthenticatedBot>
{
    [Fact]
    public async Task ASharedCardCarriesNoDialogButtonButALinkToTheBotsPersonalChat()
    {
        var invoke = new TeamsUser(fixture.Bot, fixture.Connector, $"search-{Guid.NewGuid():N}").Search("maître du secret");
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.Bot.MessagesUrl)
        {
            Content = new StringContent(invoke.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
            TestTokens.Channel(fixture.TeamsKey, AuthenticatedBot.AppId, fixture.ServiceUrl));

        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var attachments = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["composeExtension"]!["attachments"]!.AsArray();
        Assert.NotEmpty(attachments);
        foreach (var card in attachments.Select(a => a!["content"]!.AsObject()))
        {
            SecretBot.Cards.Tests.CardAssertions.AssertValid(card);
            Assert.Empty(card.Buttons());
            Assert.DoesNotContain("Action.Submit", card.ToJsonString());
            var link = Assert.Single(Actions(card), a => (string?)a["type"] == "Action.OpenUrl");
            Assert.Equal($"https://teams.microsoft.com/l/chat/0/0?users=28:{AuthenticatedBot.AppId}", (string?)link["url"]);
        }
    }

    private static IEnumerable<JsonObject> Actions(JsonNode? node) => node switch
    {
        JsonObject obj => ((string?)obj["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true
            ? [obj]
            : obj.SelectMany(pair => Actions(pair.Value)),
        JsonArray array => array.SelectMany(Actions),
        _ => [],
    };
}
