using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using SecretBot.Bench.Peers;
using SecretBot.Protocol.Connector;
using SecretBot.Protocol.Schema;
using SecretBot.Testing;

namespace SecretBot.Bot.Tests.Connector;

/// <summary>Where the bot may send its connector token: trusted hosts only, checked before the token, no redirects.</summary>
public sealed class OutboundTrustTests
{
    [Theory]
    // A registered bot outside Development: Microsoft's hosts over https, and the configured ones.
    [InlineData(false, false, "https://smba.trafficmanager.net/emea/", true)]
    [InlineData(false, false, "https://europe.webchat.botframework.com/", true)]
    [InlineData(false, false, "https://smba.infra.gcc.teams.microsoft.com/", true)]
    [InlineData(false, false, "https://botframework.com.evil.example/", false)]
    [InlineData(false, false, "https://evilbotframework.com/", false)]
    [InlineData(false, false, "https://smba.trafficmanager.net.evil.example/", false)]
    [InlineData(false, false, "http://smba.trafficmanager.net/emea/", false)]
    [InlineData(false, false, "http://127.0.0.1:5000/", false)]
    [InlineData(false, false, "https://bots.example.org/", true)]
    [InlineData(false, false, "http://bots.example.org/", false)]
    [InlineData(false, false, "https://10.0.0.5/", false)]
    [InlineData(false, false, "ftp://smba.trafficmanager.net/", false)]
    // Development: loopback too, http allowed, nothing else new.
    [InlineData(true, false, "http://localhost:56150/_connector", true)]
    [InlineData(true, false, "http://10.0.0.5/", false)]
    [InlineData(true, false, "https://smba.trafficmanager.net/emea/", true)]
    // Anonymous mode outside Development: loopback only, never an open relay.
    [InlineData(false, true, "http://127.0.0.1:3978/", true)]
    [InlineData(false, true, "https://smba.trafficmanager.net/emea/", false)]
    [InlineData(false, true, "http://10.0.0.5/", false)]
    public void HostsAreTrustedAsTheSettingsSay(bool development, bool anonymous, string url, bool trusted)
    {
        var trust = new ServiceUrlTrust(development, anonymous, ["bots.example.org"], NullLogger<ServiceUrlTrust>.Instance);
        Assert.Equal(trusted, trust.IsTrusted(new Uri(url)));
    }

    [Fact]
    public async Task AnUntrustedHostIsRefusedBeforeAnyRequestAndNoTokenLeavesTheBot()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        // The same loopback server under a name the settings do not trust, and a host far away.
        var untrusted = new[] { new Uri($"http://localhost:{harness.Connector.ServiceUrl.Port}/"), new Uri("https://attacker.example/") };

        foreach (var url in untrusted)
        {
            var refused = await Assert.ThrowsAsync<ConnectorException>(() =>
                harness.Client.SendToConversationAsync(url, "c1", new Activity { Type = "message", Text = "x" }, default));
            Assert.Contains("not trusted", refused.Meaning);
        }

        Assert.Empty(harness.Connector.Requests);
        Assert.Single(harness.Logs.Entries, e => e.Message.Contains("localhost") && e.Message.Contains("not trusted"));
        Assert.DoesNotContain(harness.Logs.Entries, e => e.Message.Contains("c1"));
    }

    [Fact]
    public async Task ARedirectIsNotFollowed()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        await using var sink = await LocalConnector.StartAsync();
        var (redirector, redirectorUrl) = await LoopbackApp.StartAsync(app =>
            app.Map("/{**path}", (HttpContext http) => Results.Redirect(new Uri(sink.ServiceUrl, http.Request.Path.Value!.TrimStart('/')).AbsoluteUri, preserveMethod: true)));
        await using var _ = redirector;

        var refused = await Assert.ThrowsAsync<ConnectorException>(() =>
            harness.Client.SendToConversationAsync(redirectorUrl, "c1", new Activity { Type = "message", Text = "x" }, default));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, refused.Status);
        Assert.Empty(sink.Requests);
    }

    [Fact]
    public async Task ATokenTheConnectorRefusesIsReplacedOnceAndTheMessageDelivered()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Connector.EnqueueFaults(new Fault(401));

        await harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, "c1", new Activity { Type = "message", Text = "x" }, default);

        Assert.Equal(2, harness.Connector.TokensIssued);
        Assert.Equal(["Bearer test-token-1", "Bearer test-token-2"], harness.Connector.Activities.Select(a => a.Authorization));
        Assert.Equal(201, harness.Connector.Activities[^1].Answered);
    }

    [Fact]
    public async Task ASecondRefusalIsNotRetriedAgain()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Connector.EnqueueFaults(new Fault(401), new Fault(401), new Fault(401));

        var refused = await Assert.ThrowsAsync<ConnectorException>(() =>
            harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, "c1", new Activity { Type = "message" }, default));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal(2, harness.Connector.Activities.Count);
    }
}
