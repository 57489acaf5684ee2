using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using SecretBot.Testing;

namespace SecretBot.Bot.Tests.Messaging;

/// <summary>Every way a caller can get a request wrong ends in a 4xx that names the problem, never a 500.</summary>
public sealed class BadRequestTests : IAsyncLifetime
{
    private BotHost _bot = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task NonPostIs405(string method)
    {
        using var response = await _http.SendAsync(new HttpRequestMessage(new HttpMethod(method), _bot.MessagesUrl));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
        Assert.Equal("MethodNotAllowed", await ErrorCode(response));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task NonJsonContentTypeIs415(string contentType)
    {
        using var response = await _http.PostAsync(_bot.MessagesUrl, new StringContent(Activities.Message(), Encoding.UTF8, contentType));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("UnsupportedMediaType", await ErrorCode(response));
    }

    [Theory]
    [InlineData("{\"type\": \"message\",", "InvalidJson")]
    [InlineData("not json at all", "InvalidJson")]
    [InlineData("[1, 2, 3]", "InvalidJson")]
    [InlineData("null", "InvalidJson")]
    [InlineData("{\"type\": 42}", "InvalidJson")]
    [InlineData("{\"conversation\": {\"id\": \"c1\"}, \"serviceUrl\": \"http://127.0.0.1:1/\"}", "MissingType")]
    [InlineData("{\"type\": \"message\", \"serviceUrl\": \"http://127.0.0.1:1/\"}", "MissingConversation")]
    [InlineData("{\"type\": \"message\", \"conversation\": {}, \"serviceUrl\": \"http://127.0.0.1:1/\"}", "MissingConversation")]
    [InlineData("{\"type\": \"message\", \"conversation\": {\"id\": \"c1\"}}", "MissingServiceUrl")]
    [InlineData("{\"type\": \"message\", \"conversation\": {\"id\": \"c1\"}, \"serviceUrl\": \"file:///etc/passwd\"}", "InvalidServiceUrl")]
    [InlineData("", "EmptyBody")]
    public async Task UnreadableActivityIs400WithTheProblemNamed(string body, string expectedCode)
    {
        using var response = await _http.PostAsync(_bot.MessagesUrl, new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(expectedCode, await ErrorCode(response));
    }

    [Fact]
    public async Task ThreeMegabyteBodyIs413()
    {
        var body = Activities.Message(text: new string('x', 3 * 1024 * 1024));
        using var response = await _http.PostAsync(_bot.MessagesUrl, new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("PayloadTooLarge", await ErrorCode(response));
    }

    [Fact]
    public async Task OversizedChunkedBodyWithoutLengthIs413()
    {
        var bytes = Encoding.UTF8.GetBytes(Activities.Message(text: new string('x', 300 * 1024)));
        var content = new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, _bot.MessagesUrl) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task TruncatedJsonIs400()
    {
        var body = Activities.Message();
        using var response = await _http.PostAsync(_bot.MessagesUrl,
            new StringContent(body[..(body.Length / 2)], Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidJson", await ErrorCode(response));
    }

    [Fact]
    public async Task BodyShorterThanItsContentLengthIsNeverA5xxAndTheBotStaysUp()
    {
        var body = Encoding.UTF8.GetBytes(Activities.Message());
        using (var socket = new TcpClient())
        {
            await socket.ConnectAsync(IPAddress.Loopback, _bot.MessagesUrl.Port);
            var stream = socket.GetStream();
            var head = $"POST /api/messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" +
                       $"Content-Length: {body.Length + 500}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(body.AsMemory(0, body.Length / 2));
            socket.Client.Shutdown(SocketShutdown.Send);

            // The caller hung up mid-body: the bot either answers 400 or simply closes; never a 5xx.
            using var reader = new StreamReader(stream);
            var statusLine = await ReadStatusLineOrNullWhenClosed(reader);
            Assert.True(statusLine is null || statusLine.StartsWith("HTTP/1.1 400", StringComparison.Ordinal), statusLine);
        }

        using var after = await _http.GetAsync(new Uri(_bot.BaseUrl, "healthz"));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task HealthAnswers()
    {
        using var alive = await _http.GetAsync(new Uri(_bot.BaseUrl, "healthz"));
        using var ready = await _http.GetAsync(new Uri(_bot.BaseUrl, "readyz"));
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    private static async Task<string?> ReadStatusLineOrNullWhenClosed(StreamReader reader)
    {
        try
        {
            return await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static async Task<string?> ErrorCode(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("error").GetProperty("code").GetString();
    }
}
