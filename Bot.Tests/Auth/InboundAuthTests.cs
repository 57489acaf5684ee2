using System.Net;
using Microsoft.IdentityModel.Tokens;
using SecretBot.Testing;

namespace SecretBot.Bot.Tests.Auth;

/// <summary>Every check of docs/protocol.md §1, through /api/messages over HTTP, against a local OpenID server.</summary>
public sealed class InboundAuthTests(AuthenticatedBot fixture) : IClassFixture<AuthenticatedBot>
{
    private const string AppId = AuthenticatedBot.AppId;

    [Fact]
    public async Task ValidChannelTokenIsAcceptedAndTheReplyCarriesTheBotsOwnToken()
    {
        var before = fixture.Connector.Activities.Count;
        using var response = await fixture.PostAsync(TestTokens.Channel(fixture.TeamsKey, AppId, fixture.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var delivered = await fixture.Connector.WaitForActivitiesAsync(before + 1);
        Assert.StartsWith("Bearer test-token-", delivered[^1].Authorization);
    }

    [Fact]
    public async Task ServiceUrlClaimIsComparedWithoutCaseButAsWritten()
    {
        // As the reference does (OrdinalIgnoreCase, nothing trimmed): case differs → accepted; a trailing slash differs → refused.
        var upper = fixture.ServiceUrl.ToUpperInvariant().Replace("HTTP://", "http://");
        using var sameButCase = await fixture.PostAsync(TestTokens.Channel(fixture.TeamsKey, AppId, upper));
        Assert.Equal(HttpStatusCode.OK, sameButCase.StatusCode);

        using var noSlash = await fixture.PostAsync(TestTokens.Channel(fixture.TeamsKey, AppId, fixture.ServiceUrl.TrimEnd('/')));
        Assert.Equal(HttpStatusCode.Unauthorized, noSlash.StatusCode);
    }

    public static TheoryData<string, Func<AuthenticatedBot, string?>> RefusedTokens => new()
    {
        { "no header", _ => null },
        { "malformed token", _ => "not.a.jwt" },
        { "not a bearer scheme", f => "Basic " + Convert.ToBase64String("user:pass"u8.ToArray()) },
        { "bad signature", f => Tamper(TestTokens.Channel(f.TeamsKey, AppId, f.ServiceUrl)) },
        { "unknown key", f => TestTokens.Channel(new TestKey("never-published", "msteams"), AppId, f.ServiceUrl) },
        { "signed by another key under a known kid", f => TestTokens.Channel(new TestKey("teams-key", "msteams"), AppId, f.ServiceUrl) },
        { "wrong issuer", f => TestTokens.Channel(f.TeamsKey, AppId, f.ServiceUrl, issuer: "https://evil.example.com") },
        { "wrong audience", f => TestTokens.Channel(f.TeamsKey, "another-bot", f.ServiceUrl) },
        { "expired beyond skew", f => TestTokens.Channel(f.TeamsKey, AppId, f.ServiceUrl, notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddMinutes(-6)) },
        { "not yet valid", f => TestTokens.Channel(f.TeamsKey, AppId, f.ServiceUrl, notBefore: DateTime.UtcNow.AddMinutes(10), expires: DateTime.UtcNow.AddHours(1)) },
        { "key not endorsed for msteams", f => TestTokens.Channel(f.WebChatOnlyKey, AppId, f.ServiceUrl) },
        { "serviceurl claim missing", f => TestTokens.Channel(f.TeamsKey, AppId, serviceUrl: null) },
        { "serviceurl claim different", f => TestTokens.Channel(f.TeamsKey, AppId, "https://smba.trafficmanager.net/emea/") },
        { "HS256 instead of RSA", f => Symmetric(f) },
        { "Entra token from a foreign tenant", f => TestTokens.Entra(f.EntraKey, AppId, "99999999-9999-4999-8999-999999999999", AppId) },
        { "Entra token for another audience", f => TestTokens.Entra(f.EntraKey, "another-bot", TestTokens.BotFrameworkTenant, AppId) },
        { "Entra v1 token issued to another app", f => TestTokens.Entra(f.EntraKey, AppId, TestTokens.BotFrameworkTenant, AnotherApp) },
        { "Entra v2 token issued to another app", f => TestTokens.Entra(f.EntraKey, AppId, TestTokens.BotFrameworkTenant, AnotherApp, v2: true) },
        { "Entra token from another app of the bot's own tenant", f => TestTokens.Entra(f.EntraKey, AppId, AuthenticatedBot.OwnTenant, AnotherApp, v2: true) },
        { "Entra token without ver", f => TestTokens.Entra(f.EntraKey, AppId, TestTokens.BotFrameworkTenant, AppId, version: "") },
        { "Entra token with an unknown ver", f => TestTokens.Entra(f.EntraKey, AppId, TestTokens.BotFrameworkTenant, AppId, version: "3.0") },
        { "Entra v1 issuer with a v2 ver", f => TestTokens.Entra(f.EntraKey, AppId, TestTokens.BotFrameworkTenant, AppId, version: "2.0") },
        { "Entra token whose tid differs from its issuer's tenant", f => TestTokens.Entra(f.EntraKey, AppId, TestTokens.BotFrameworkTenant, AppId, tenantClaim: AuthenticatedBot.OwnTenant) },
    };

    private const string AnotherApp = "0ther0app-0000-4000-8000-000000000bad";

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task FlawedTokenIs401AndNothingIsSent(string flaw, Func<AuthenticatedBot, string?> token)
    {
        var before = fixture.Connector.Activities.Count;
        using var response = await fixture.PostAsync(token(fixture));

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{flaw}: {response.StatusCode}");
        await Task.Delay(50);
        Assert.Equal(before, fixture.Connector.Activities.Count);
    }

    [Fact]
    public async Task ExpiredWithinTheFiveMinuteSkewIsAccepted()
    {
        var token = TestTokens.Channel(fixture.TeamsKey, AppId, fixture.ServiceUrl,
            notBefore: DateTime.UtcNow.AddHours(-1), expires: DateTime.UtcNow.AddMinutes(-3));
        using var response = await fixture.PostAsync(token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task EndorsementIsComparedExactly()
    {
        // The key is endorsed for "msteams"; the reference compares ordinal, so "MSTEAMS" is another channel.
        using var response = await fixture.PostAsync(TestTokens.Channel(fixture.TeamsKey, AppId, fixture.ServiceUrl), channelId: "MSTEAMS");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AValidWebChatTokenIsRefusedByPolicyOutsideDevelopment()
    {
        using var response = await fixture.PostAsync(TestTokens.Channel(fixture.WebChatOnlyKey, AppId, fixture.ServiceUrl), channelId: "webchat");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(fixture.Logs.Entries, e => e.Message.Contains("channel not served by this bot"));
    }

    [Fact]
    public async Task ATokenFromAnotherAppNamingAnAttackersServiceUrlSendsNothingAnywhere()
    {
        // The attacker's sink listens on loopback but under a name the bot does not trust: it counts what arrives.
        await using var sink = await LocalConnector.StartAsync();
        var attacker = $"http://localhost:{sink.ServiceUrl.Port}/";
        foreach (var v2 in new[] { false, true })
        {
            using var response = await fixture.PostAsync(
                TestTokens.Entra(fixture.EntraKey, AppId, TestTokens.BotFrameworkTenant, AnotherApp, v2), serviceUrl: attacker);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        await Task.Delay(100);
        Assert.Empty(sink.Requests);
    }

    [Fact]
    public async Task EvenTheBotsOwnEntraTokenCannotSendItsTokenToAnUntrustedHost()
    {
        await using var sink = await LocalConnector.StartAsync();
        var before = fixture.Connector.Requests.Count;
        using var response = await fixture.PostAsync(
            TestTokens.Entra(fixture.EntraKey, AppId, TestTokens.BotFrameworkTenant, AppId, v2: true), serviceUrl: $"http://localhost:{sink.ServiceUrl.Port}/");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UntrustedServiceUrl", await response.Content.ReadAsStringAsync());
        await Task.Delay(100);
        Assert.Empty(sink.Requests);
        Assert.Equal(before, fixture.Connector.Requests.Count);
    }

    [Fact]
    public async Task EntraTokensAreRefusedOutsideDevelopmentUnlessConfigured()
    {
        var settings = AuthenticatedBot.Settings(fixture.OpenId, fixture.Connector, "SingleTenant");
        settings.Remove("Auth:AllowEntraTokens");
        await using var bot = await BotHost.StartAsync(settings, environment: "Production");

        using var entra = await fixture.PostAsync(TestTokens.Entra(fixture.EntraKey, AppId, TestTokens.BotFrameworkTenant, AppId), bot: bot);
        Assert.Equal(HttpStatusCode.Unauthorized, entra.StatusCode);
        using var channel = await fixture.PostAsync(TestTokens.Channel(fixture.TeamsKey, AppId, fixture.ServiceUrl), bot: bot);
        Assert.Equal(HttpStatusCode.OK, channel.StatusCode);
    }

    [Fact]
    public async Task AnAllowedCallerIsAccepted()
    {
        var settings = AuthenticatedBot.Settings(fixture.OpenId, fixture.Connector, "SingleTenant");
        settings["Auth:AllowedCallers"] = AnotherApp;
        await using var bot = await BotHost.StartAsync(settings, environment: "Production");

        using var response = await fixture.PostAsync(TestTokens.Entra(fixture.EntraKey, AppId, TestTokens.BotFrameworkTenant, AnotherApp, v2: true), bot: bot);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ChannelOtherThanTheKeysEndorsementIsRefused()
    {
        using var response = await fixture.PostAsync(TestTokens.Channel(fixture.TeamsKey, AppId, fixture.ServiceUrl), channelId: "slack");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(TestTokens.BotFrameworkTenant, false)]
    [InlineData(TestTokens.BotFrameworkTenant, true)]
    [InlineData(AuthenticatedBot.OwnTenant, false)]
    [InlineData(AuthenticatedBot.OwnTenant, true)]
    public async Task EntraTokenFromATrustedTenantIsAccepted(string tenant, bool v2)
    {
        using var response = await fixture.PostAsync(TestTokens.Entra(fixture.EntraKey, AppId, tenant, AppId, v2));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ARefusalIsLoggedWithItsReasonButNeverTheToken()
    {
        var token = TestTokens.Channel(fixture.TeamsKey, "another-bot", fixture.ServiceUrl);
        using var response = await fixture.PostAsync(token);

        Assert.Contains(fixture.Logs.Entries, e => e.Message.Contains("audience is not this bot"));
        Assert.DoesNotContain(token.Split('.')[1], fixture.Logs.AllText);
    }

    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var signature = parts[2].ToCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';
        return $"{parts[0]}.{parts[1]}.{new string(signature)}";
    }

    private static string Symmetric(AuthenticatedBot fixture)
    {
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler();
        var key = new SymmetricSecurityKey(new byte[32]) { KeyId = "teams-key" };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TestTokens.ChannelIssuer,
            Audience = AppId,
            Claims = new Dictionary<string, object> { ["serviceurl"] = fixture.ServiceUrl },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
