using System.Net;
using SecretBot.Testing;

namespace SecretBot.Bot.Tests.Auth;

/// <summary>Metadata and keys: cached, refreshed on an unknown key, and never bypassed while unavailable.</summary>
public sealed class SigningKeyRefreshTests
{
    private const string AppId = AuthenticatedBot.AppId;

    [Fact]
    public async Task KeysAreFetchedOnceForManyRequests()
    {
        await using var openId = new LocalOpenIdServer();
        var key = openId.AddChannelKey("k1", "msteams");
        await openId.StartAsync();
        await using var connector = await LocalConnector.StartAsync();
        await using var bot = await BotHost.StartAsync(AuthenticatedBot.Settings(openId, connector, "MultiTenant"), environment: "Production");
        using var http = new HttpClient();

        for (var i = 0; i < 10; i++)
        {
            using var response = await Post(http, bot, TestTokens.Channel(key, AppId, connector.ServiceUrl.AbsoluteUri), connector);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, openId.MetadataRequests);
    }

    [Fact]
    public async Task ARolledOverKeyIsPickedUpByOneForcedRefresh()
    {
        await using var openId = new LocalOpenIdServer();
        var old = openId.AddChannelKey("old", "msteams");
        await openId.StartAsync();
        await using var connector = await LocalConnector.StartAsync();
        await using var bot = await BotHost.StartAsync(AuthenticatedBot.Settings(openId, connector, "MultiTenant"), environment: "Production");
        using var http = new HttpClient();
        using (var first = await Post(http, bot, TestTokens.Channel(old, AppId, connector.ServiceUrl.AbsoluteUri), connector))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var rolled = openId.AddChannelKey("new", "msteams");
        using var response = await Post(http, bot, TestTokens.Channel(rolled, AppId, connector.ServiceUrl.AbsoluteUri), connector);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, openId.MetadataRequests);
    }

    [Fact]
    public async Task MetadataDownAtStartRefusesUntilKeysArriveThenAccepts()
    {
        var openId = new LocalOpenIdServer();
        var key = openId.AddChannelKey("k1", "msteams");
        await using var connector = await LocalConnector.StartAsync();
        await using var bot = await BotHost.StartAsync(AuthenticatedBot.Settings(openId, connector, "MultiTenant"), environment: "Production");
        using var http = new HttpClient();
        var token = TestTokens.Channel(key, AppId, connector.ServiceUrl.AbsoluteUri);

        for (var i = 0; i < 3; i++)
        {
            using var refused = await Post(http, bot, token, connector);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        }

        Assert.Empty(connector.Activities);
        await openId.StartAsync();
        try
        {
            var accepted = await EventuallyAsync(async () =>
            {
                using var response = await Post(http, bot, token, connector);
                return response.StatusCode;
            }, HttpStatusCode.OK, TimeSpan.FromSeconds(20));
            Assert.Equal(HttpStatusCode.OK, accepted);
        }
        finally
        {
            await openId.DisposeAsync();
        }
    }

    private static Task<HttpResponseMessage> Post(HttpClient http, BotHost bot, string token, LocalConnector connector)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, bot.MessagesUrl)
        {
            Content = new StringContent(Activities.Message(serviceUrl: connector.ServiceUrl.AbsoluteUri), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", token);
        return http.SendAsync(request);
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, T wanted, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        T last;
        do
        {
            last = await probe();
            if (EqualityComparer<T>.Default.Equals(last, wanted))
            {
                return last;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        return last;
    }
}
