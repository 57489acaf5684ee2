using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace SecretBot.Bench.Peers;

/// <summary>Who waits for the bot's replies in one conversation.</summary>
public interface IReplyListener
{
    /// <param name="isUpdate">A PUT (a card replaced) rather than a new activity.</param>
    /// <param name="body">The activity as the bot sent it; only valid during the call.</param>
    /// <param name="receivedAt">Stopwatch timestamp when the whole body had arrived.</param>
    /// <param name="returnedId">The activity id the sink gave back (the id a click on that card replies to).</param>
    void OnActivity(bool isUpdate, ReadOnlySpan<byte> body, long receivedAt, string returnedId);
}

/// <summary>
/// A fast local Bot Connector: answers every activity call at once with 200 and an id, hands the
/// body to the conversation's listener, and serves the OAuth token endpoint and the test issuer's
/// metadata for auth mode. It keeps nothing but counters.
/// </summary>
public sealed class ConnectorSink : IAsyncDisposable
{
    public const string ConnectorToken = "bench-connector-token";
    private readonly ConcurrentDictionary<string, IReplyListener> _listeners = new(StringComparer.Ordinal);
    private WebApplication _app = null!;
    private long _ids;
    private long _unmatched;
    private long _missingToken;
    private long _tokensIssued;

    private ConnectorSink()
    {
    }

    public Uri ServiceUrl { get; private set; } = null!;

    public TestIssuer Issuer { get; } = new();

    /// <summary>In auth mode every connector call must carry the token this sink issued.</summary>
    public bool RequireToken { get; set; }

    /// <summary>The token endpoint as the bot's <c>Auth:TokenEndpoint</c> setting wants it.</summary>
    public string TokenEndpointTemplate => ServiceUrl.AbsoluteUri + "oauth/{tenant}/token";

    /// <summary>Activities for a conversation nobody listens to.</summary>
    public long Unmatched => Interlocked.Read(ref _unmatched);

    /// <summary>Connector calls without the expected bearer token while <see cref="RequireToken"/> was set.</summary>
    public long MissingToken => Interlocked.Read(ref _missingToken);

    public long TokensIssued => Interlocked.Read(ref _tokensIssued);

    public static async Task<ConnectorSink> StartAsync()
    {
        var sink = new ConnectorSink();
        (sink._app, sink.ServiceUrl) = await LoopbackApp.StartAsync(app =>
        {
            app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (Delegate)sink.ReceiveAsync);
            app.MapPost("/v3/conversations/{conversationId}/activities", (Delegate)sink.ReceiveAsync);
            app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (Delegate)sink.ReceiveAsync);
            app.MapPost("/oauth/{tenant}/token", (Delegate)sink.IssueToken);
            sink.Issuer.Map(app);
        });
        sink.Issuer.BaseUrl = sink.ServiceUrl;
        return sink;
    }

    public void Listen(string conversationId, IReplyListener listener) => _listeners[conversationId] = listener;

    public void Forget(string conversationId) => _listeners.TryRemove(conversationId, out _);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Issuer.Dispose();
    }

    private async Task ReceiveAsync(HttpContext http, string conversationId)
    {
        var request = http.Request;
        if (RequireToken && request.Headers.Authorization != "Bearer " + ConnectorToken)
        {
            Interlocked.Increment(ref _missingToken);
        }

        var (buffer, length) = await ReadBodyAsync(request);
        try
        {
            var receivedAt = Stopwatch.GetTimestamp();
            var id = $"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}-{Interlocked.Increment(ref _ids):x8}";
            if (_listeners.TryGetValue(conversationId, out var listener))
            {
                listener.OnActivity(HttpMethods.IsPut(request.Method), buffer.AsSpan(0, length), receivedAt, id);
            }
            else
            {
                Interlocked.Increment(ref _unmatched);
            }

            var answer = Encoding.UTF8.GetBytes($"{{\"id\":\"{id}\"}}");
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = "application/json";
            http.Response.ContentLength = answer.Length;
            await http.Response.Body.WriteAsync(answer);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private IResult IssueToken()
    {
        Interlocked.Increment(ref _tokensIssued);
        return Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = ConnectorToken });
    }

    private static async Task<(byte[] Buffer, int Length)> ReadBodyAsync(HttpRequest request)
    {
        // One byte more than announced, so a body of exactly that length is read without growing.
        var buffer = ArrayPool<byte>.Shared.Rent((int)(request.ContentLength ?? 16 * 1024) + 1);
        var length = 0;
        int read;
        while ((read = await request.Body.ReadAsync(buffer.AsMemory(length))) > 0)
        {
            length += read;
            if (length == buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
        }

        return (buffer, length);
    }
}
