using System.Net.Http.Headers;
using System.Text;
using SecretBot.Testing;

namespace SecretBot.Bot.Tests.Auth;

/// <summary>
/// A bot with a registered identity, checking tokens against a local OpenID server, replying
/// through a local connector that also serves its token endpoint.
/// </summary>
public sealed class AuthenticatedBot : IAsyncLifetime
{
    public const string AppId = "5c0d1e5a-0000-4000-8000-00000000b07";
    public const string OwnTenant = "11111111-2222-4333-8444-555555555555";

    public LocalOpenIdServer OpenId { get; } = new();
    public LocalConnector Connector { get; private set; } = null!;
    public BotHost Bot { get; private set; } = null!;
    public CapturingLoggerProvider Logs { get; } = new();
    public TestKey TeamsKey { get; private set; } = null!;
    public TestKey WebChatOnlyKey { get; private set; } = null!;
    public TestKey EntraKey { get; private set; } = null!;
    public HttpClient Http { get; } = new();

    public async Task InitializeAsync()
    {
        TeamsKey = OpenId.AddChannelKey("teams-key", "msteams", "emulator");
        WebChatOnlyKey = OpenId.AddChannelKey("webchat-key", "webchat");
        EntraKey = OpenId.AddEntraKey("entra-key");
        await OpenId.StartAsync();
        Connector = await LocalConnector.StartAsync();
        Bot = await BotHost.StartAsync(Settings(OpenId, Connector, appType: "SingleTenant"), environment: "Production", logs: Logs);
    }

    public static Dictionary<string, string?> Settings(LocalOpenIdServer openId, LocalConnector connector, string appType) => new()
    {
        ["MicrosoftAppType"] = appType,
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "test-secret",
        ["MicrosoftAppTenantId"] = OwnTenant,
        ["Auth:BotFrameworkMetadataUrl"] = openId.BotFrameworkMetadataUrl.AbsoluteUri,
        ["Auth:EntraMetadataUrl"] = openId.EntraMetadataUrl.AbsoluteUri,
        ["Auth:TokenEndpoint"] = connector.TokenEndpointTemplate,
        ["Connector:FirstRetryDelay"] = "00:00:00.100",
        ["Connector:TrustedHosts"] = connector.ServiceUrl.Host,
        ["Auth:AllowEntraTokens"] = "true",
        ["Privacy:DigestKey"] = TestDigests.Setting,
    };

    public string ServiceUrl => Connector.ServiceUrl.AbsoluteUri;

    public Task<HttpResponseMessage> PostAsync(string? token, string? channelId = "msteams", string? serviceUrl = null,
        BotHost? bot = null, string? conversationId = null)
    {
        var json = Activities.Message(serviceUrl: serviceUrl ?? ServiceUrl, conversationId: conversationId);
        if (channelId != "msteams")
        {
            json = json.Replace("\"channelId\":\"msteams\"", channelId is null ? "\"channelId\":null" : $"\"channelId\":\"{channelId}\"");
        }

        var request = new HttpRequestMessage(HttpMethod.Post, (bot ?? Bot).MessagesUrl)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(token.StartsWith("Bearer ") ? token : "Bearer " + token);
        }

        return Http.SendAsync(request);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        await OpenId.DisposeAsync();
    }
}
