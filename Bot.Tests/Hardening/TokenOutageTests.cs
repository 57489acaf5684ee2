using System.Net;
using SecretBot.Protocol.Connector;
using SecretBot.Bot.Tests.Auth;
using SecretBot.Testing;

namespace SecretBot.Bot.Tests.Hardening;

/// <summary>
/// The bot's token endpoint down while Teams keeps talking to it: every turn is still answered 200,
/// the outage is one clear log line (no stack trace, no secret), nothing crashes, and replies flow
/// again as soon as the endpoint is back.
/// </summary>
public sealed class TokenOutageTests(AuthenticatedBot fixture) : IClassFixture<AuthenticatedBot>
{
    [Fact]
    public async Task TokenEndpointDownIsOneClearLineThenRepliesResumeWhenItIsBack()
    {
        var token = TestTokens.Channel(fixture.TeamsKey, AuthenticatedBot.AppId, fixture.ServiceUrl);
        var deliveredBefore = fixture.Connector.Activities.Count(a => a.Answered < 300);
        fixture.Connector.TokenEndpointDown = true;

        for (var i = 0; i < 3; i++)
        {
            using var response = await fixture.PostAsync(token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(deliveredBefore, fixture.Connector.Activities.Count(a => a.Answered < 300));
        var outage = Assert.Single(fixture.Logs.Entries, e => e.Message.StartsWith("Cannot get a connector token", StringComparison.Ordinal));
        Assert.Contains("answered 503", outage.Message);
        Assert.Equal(3, fixture.Logs.Entries.Count(e => e.Message.StartsWith("Turn's replies not delivered: No connector token", StringComparison.Ordinal)));
        Assert.DoesNotContain(fixture.Logs.Entries, e => e.Exception is not null || e.Message.Contains("   at ", StringComparison.Ordinal)
                                                          || e.Message.StartsWith("Turn failed", StringComparison.Ordinal));
        Assert.DoesNotContain("test-secret", fixture.Logs.AllText);

        fixture.Connector.TokenEndpointDown = false;
        // After a failure the next token request waits a short pause (TokenRetryPause): let it pass.
        await Task.Delay(TokenRetryPause.Longest / 15);
        using (var recovered = await fixture.PostAsync(token))
        {
            Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        }

        var delivered = await fixture.Connector.WaitForActivitiesAsync(deliveredBefore + 1);
        Assert.StartsWith("Bearer test-token-", delivered[^1].Authorization);
        Assert.Contains(fixture.Logs.Entries, e => e.Message == "Connector token available again.");
        Figures.Report("hardening.token-outage", "3 turns while the token endpoint answered 503: 3 × 200, 1 error line, 0 stack traces; first turn after recovery delivered");
    }

    [Fact]
    public async Task FiftyTurnsDuringATokenOutageMakeOnlyAFewTokenRequests()
    {
        await using var connector = await LocalConnector.StartAsync();
        connector.TokenEndpointDown = true;
        await using var bot = await BotHost.StartAsync(AuthenticatedBot.Settings(fixture.OpenId, connector, "SingleTenant"), environment: "Production");
        var token = TestTokens.Channel(fixture.TeamsKey, AuthenticatedBot.AppId, connector.ServiceUrl.AbsoluteUri);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            using var response = await fixture.PostAsync(token, serviceUrl: connector.ServiceUrl.AbsoluteUri, bot: bot,
                conversationId: $"outage-{i}");
            return response.StatusCode;
        }));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        // The first failure opens a pause of TokenRetryPause.First; the turns queued meanwhile fail at once.
        Assert.InRange(connector.TokenRequests, 1, 3);
        Assert.Equal(0, connector.Activities.Count(a => a.Answered < 300));
        Figures.Report("hardening.token-storm", $"50 concurrent turns while the token endpoint answered 503: {connector.TokenRequests} token request(s)");
    }
}
