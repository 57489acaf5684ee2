using SecretBot.Protocol.Connector;
using SecretBot.Protocol.Schema;

namespace SecretBot.Bot.Tests.Connector;

/// <summary>The client-credentials token: fetched once, reused until near expiry, one refresh at a time, recovered after an outage.</summary>
public sealed class TokenProviderTests
{
    [Fact]
    public async Task TokenIsReusedForManyCalls()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        for (var i = 0; i < 10; i++)
        {
            await harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, "c1", new Activity { Type = "message" }, default);
        }

        Assert.Equal(1, harness.Connector.TokensIssued);
        Assert.All(harness.Connector.Activities, a => Assert.Equal("Bearer test-token-1", a.Authorization));
        var request = Assert.Single(harness.Connector.Requests, r => !r.IsActivity);
        Assert.Equal("botframework.com", request.Body!["tenant"]!.GetValue<string>());
        Assert.Equal(ClientCredentialsTokenProvider.Scope, request.Body!["scope"]!.GetValue<string>());
        Assert.Equal("bot-app-id", request.Body!["client_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ShortLivedTokenIsRefreshedBeforeItExpires()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Connector.TokenLifetimeSeconds = 2;

        Assert.Equal("test-token-1", await harness.Tokens.GetTokenAsync(default));
        Assert.Equal("test-token-1", await harness.Tokens.GetTokenAsync(default));
        await Task.Delay(TimeSpan.FromSeconds(1.2));

        Assert.Equal("test-token-2", await harness.Tokens.GetTokenAsync(default));
    }

    [Fact]
    public async Task ConcurrentCallersShareOneRefresh()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var tokens = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => harness.Tokens.GetTokenAsync(default).AsTask()));

        Assert.All(tokens, t => Assert.Equal("test-token-1", t));
        Assert.Equal(1, harness.Connector.TokensIssued);
    }

    [Fact]
    public async Task SingleTenantBotAsksItsOwnTenant()
    {
        await using var harness = await ConnectorHarness.StartAsync(appType: "SingleTenant");
        await harness.Tokens.GetTokenAsync(default);
        var request = Assert.Single(harness.Connector.Requests);
        Assert.Equal("/tenant-42/oauth2/v2.0/token", request.RawPath);
    }

    [Fact]
    public async Task TokenEndpointDownIsAClearFailureLoggedOnceThenRecovers()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Connector.TokenEndpointDown = true;

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<TokenUnavailableException>(() => harness.Tokens.GetTokenAsync(default).AsTask());
        }

        Assert.Single(harness.Logs.Entries, e => e.Message.StartsWith("Cannot get a connector token"));
        Assert.Equal(1, harness.Connector.TokenRequests);
        harness.Connector.TokenEndpointDown = false;
        await Task.Delay(TokenRetryPause.First + TimeSpan.FromMilliseconds(100));
        Assert.Equal("test-token-1", await harness.Tokens.GetTokenAsync(default));
        Assert.Contains(harness.Logs.Entries, e => e.Message == "Connector token available again.");
    }

    [Fact]
    public async Task AnonymousModeSendsNoAuthorization()
    {
        await using var harness = await ConnectorHarness.StartAsync(appId: null);
        await harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, "c1", new Activity { Type = "message" }, default);

        Assert.Equal("", Assert.Single(harness.Connector.Activities).Authorization);
        Assert.Equal(0, harness.Connector.TokensIssued);
    }

    [Fact]
    public async Task ManagedIdentityBotUsesTheManagedIdentityProvider()
    {
        await using var harness = await ConnectorHarness.StartAsync(appType: "UserAssignedMSI",
            extra: new() { ["MicrosoftAppPassword"] = null });
        Assert.IsType<ManagedIdentityTokenProvider>(harness.Tokens);
    }
}
