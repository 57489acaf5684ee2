using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;

namespace SecretBot.Bench.Peers;

/// <summary>Who waits for the bot's replies in one conversation (the benchmark's simulated people).</summary>
public interface IReplyListener
{
    /// <param name="isUpdate">A PUT (a card replaced) rather than a new activity.</param>
    /// <param name="body">The activity as the bot sent it; only valid during the call.</param>
    /// <param name="receivedAt">Stopwatch timestamp when the whole body had arrived.</param>
    /// <param name="returnedId">The activity id the connector gave back (the id a click on that card replies to).</param>
    void OnActivity(bool isUpdate, ReadOnlySpan<byte> body, long receivedAt, string returnedId);
}

/// <summary>
/// The one local Bot Connector, for the tests and the benchmark: the connector's activity calls (http)
/// and its OAuth token endpoint (https with a self-signed certificate, shaped like Entra's, since MSAL
/// asks only an https authority) on loopback, plus the test issuer's OpenID metadata. It answers like
/// Teams (an id for each activity, 201) and hands each body to the conversation's listener. The
/// tests also have it record every request (method, raw path, Authorization, JSON body, time) and
/// play faults on demand: scripted answers (429 with Retry-After, 503, 500…), a delay, a fault plan
/// consulted on every call, a token endpoint that is down. The benchmark turns recording off: then
/// it keeps nothing but counters.
/// </summary>
public sealed class LocalConnector : IAsyncDisposable
{
    /// <summary>The prefix of every token the endpoint issues ("test-token-1", "test-token-2"…).</summary>
    public const string TokenPrefix = "test-token-";

    private readonly ConcurrentQueue<ConnectorRequest> _requests = new();
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly ConcurrentDictionary<string, IReplyListener> _listeners = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _arrivals = new(0);
    private readonly bool _record;
    private WebApplication _app = null!;
    private int _nextId;
    private int _tokensIssued;
    private long _unmatched;
    private long _missingToken;

    private LocalConnector(bool record) => _record = record;

    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>The https address of the token endpoint's authority.</summary>
    public Uri TokenBaseUrl { get; private set; } = null!;

    /// <summary>Signs channel tokens and serves their OpenID metadata, for runs with authentication.</summary>
    public TestIssuer Issuer { get; } = new();

    /// <summary>The token endpoint as the bot's <c>Auth:TokenEndpoint</c> setting wants it.</summary>
    public string TokenEndpointTemplate => TokenBaseUrl.AbsoluteUri + "{tenant}/oauth2/v2.0/token";

    public IReadOnlyCollection<ConnectorRequest> Requests => _requests;

    /// <summary>Activity requests only (not token requests).</summary>
    public IReadOnlyList<ConnectorRequest> Activities => _requests.Where(r => r.IsActivity).ToList();

    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    /// <summary>Token requests received, answered or refused.</summary>
    public int TokenRequests => _requests.Count(r => !r.IsActivity);

    /// <summary>Activity calls answered as delivered since the start, including those <see cref="Forget()"/> dropped.</summary>
    public int DeliveredCount => Volatile.Read(ref _nextId);

    /// <summary>Activities for a conversation nobody listens to, while recording is off.</summary>
    public long Unmatched => Interlocked.Read(ref _unmatched);

    /// <summary>Activity calls without a token this connector issued while <see cref="RequireToken"/> was set.</summary>
    public long MissingToken => Interlocked.Read(ref _missingToken);

    /// <summary>Every activity call must carry a token this connector issued (counted in <see cref="MissingToken"/> when not).</summary>
    public bool RequireToken { get; set; }

    public int TokenLifetimeSeconds { get; set; } = 3600;

    public bool TokenEndpointDown { get; set; }

    /// <summary>Every activity call answers this status while set (e.g. 500 forever).</summary>
    public int? FailAlwaysWith { get; set; }

    /// <summary>
    /// Consulted for every activity call that no scripted fault answers, with the call's method and
    /// raw path and its body: the fault to play, or null for normal service.
    /// </summary>
    public Func<string, JsonNode?, Fault?>? FaultPlan { get; set; }

    /// <param name="record">Keep every request (the tests); off, only counters are kept (the benchmark).</param>
    public static async Task<LocalConnector> StartAsync(bool record = true)
    {
        var connector = new LocalConnector(record);
        (connector._app, connector.ServiceUrl, connector.TokenBaseUrl) = await LoopbackApp.StartWithTlsAsync(app =>
        {
            app.MapPost("/{tenant}/oauth2/v2.0/token", (Delegate)connector.IssueTokenAsync);
            app.MapPost("/v3/conversations", (Delegate)connector.ReceiveAsync);
            app.MapPost("/v3/conversations/{conversationId}/activities", (Delegate)connector.ReceiveAsync);
            app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (Delegate)connector.ReceiveAsync);
            app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (Delegate)connector.ReceiveAsync);
            app.MapDelete("/v3/conversations/{conversationId}/activities/{activityId}", (Delegate)connector.ReceiveAsync);
            connector.Issuer.Map(app);
        });
        connector.Issuer.BaseUrl = connector.ServiceUrl;
        return connector;
    }

    public void Listen(string conversationId, IReplyListener listener) => _listeners[conversationId] = listener;

    public void Forget(string conversationId) => _listeners.TryRemove(conversationId, out _);

    /// <summary>The next activity calls answer these, in order, before normal service resumes.</summary>
    public void EnqueueFaults(params Fault[] faults)
    {
        foreach (var fault in faults)
        {
            _faults.Enqueue(fault);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> activity requests have arrived.</summary>
    public async Task<IReadOnlyList<ConnectorRequest>> WaitForActivitiesAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (Activities.Count(a => a.Answered < 300) < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrivals.WaitAsync(left))
            {
                throw new TimeoutException($"Expected {count} delivered activities, got {Activities.Count(a => a.Answered < 300)}.");
            }
        }

        return Activities.Where(a => a.Answered < 300).ToList();
    }

    /// <summary>Drops what was recorded so far, so that a long run keeps no more than it needs.</summary>
    public void Forget() => _requests.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Issuer.Dispose();
    }

    private async Task<IResult> IssueTokenAsync(HttpContext http, string tenant)
    {
        var form = await http.Request.ReadFormAsync();
        if (_record)
        {
            // The form as sent, the fields that say how the bot proved its identity included.
            var fields = new JsonObject { ["tenant"] = tenant };
            foreach (var (name, value) in form)
            {
                fields[name] = value.ToString();
            }

            Record(http, fields, isActivity: false, answered: TokenEndpointDown ? 503 : 200);
        }

        if (TokenEndpointDown)
        {
            return Results.StatusCode(503);
        }

        var n = Interlocked.Increment(ref _tokensIssued);
        return Results.Json(new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = TokenLifetimeSeconds,
            ["access_token"] = TokenPrefix + n,
        });
    }

    private async Task ReceiveAsync(HttpContext http)
    {
        var request = http.Request;
        if (RequireToken && !request.Headers.Authorization.ToString().StartsWith("Bearer " + TokenPrefix, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _missingToken);
        }

        var (buffer, length) = await ReadBodyAsync(request);
        try
        {
            var receivedAt = Stopwatch.GetTimestamp();
            var body = _record && length > 0 ? JsonNode.Parse(buffer.AsSpan(0, length)) : null;
            var fault = _faults.TryDequeue(out var scripted) ? scripted
                : FailAlwaysWith is { } always ? new Fault(always)
                : FaultPlan?.Invoke($"{request.Method} {RawTarget(http)}", body);
            if (fault is { Delivered: false })
            {
                if (fault.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(fault.Delay, http.RequestAborted);
                }

                Record(http, body, isActivity: true, answered: fault.Status);
                if (fault.RetryAfterSeconds is { } seconds)
                {
                    http.Response.Headers.RetryAfter = seconds.ToString();
                }

                http.Response.StatusCode = fault.Status;
                return;
            }

            // Delivered: Teams has the message (a delivered fault only delays its answer, or loses it when the caller gives up first).
            var n = Interlocked.Increment(ref _nextId);
            var id = $"activity-{n}";
            // A new conversation (a channel post, a personal chat opened) gets its own id, as in Teams.
            var created = request.RouteValues["conversationId"] is null && HttpMethods.IsPost(request.Method) ? $"conversation-{n}" : null;
            if (_record)
            {
                Record(http, body, isActivity: true, answered: 201, returnedId: id, createdConversation: created);
            }

            if (request.RouteValues["conversationId"] is string conversation && _listeners.TryGetValue(conversation, out var listener))
            {
                listener.OnActivity(HttpMethods.IsPut(request.Method), buffer.AsSpan(0, length), receivedAt, id);
            }
            else if (!_record)
            {
                Interlocked.Increment(ref _unmatched);
            }

            if (fault is { Delivered: true })
            {
                await Task.Delay(fault.Delay, http.RequestAborted);
            }

            if (HttpMethods.IsDelete(request.Method))
            {
                http.Response.StatusCode = StatusCodes.Status200OK;
                return;
            }

            var answer = Encoding.UTF8.GetBytes($"{{\"id\":\"{created ?? id}\",\"activityId\":\"{id}\",\"serviceUrl\":\"{ServiceUrl.AbsoluteUri}\"}}");
            http.Response.StatusCode = StatusCodes.Status201Created;
            http.Response.ContentType = "application/json";
            http.Response.ContentLength = answer.Length;
            await http.Response.Body.WriteAsync(answer);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string RawTarget(HttpContext http) =>
        http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path.ToString();

    private void Record(HttpContext http, JsonNode? body, bool isActivity, int answered, string? returnedId = null, string? createdConversation = null)
    {
        _requests.Enqueue(new ConnectorRequest(http.Request.Method, RawTarget(http), http.Request.Headers.Authorization.ToString(),
            body, DateTimeOffset.UtcNow, isActivity, answered, returnedId, createdConversation));
        _arrivals.Release();
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

/// <summary>One request the bot made to the connector, as it arrived.</summary>
/// <param name="ReturnedId">The activity id the connector gave back (the message id a later click replies to).</param>
/// <param name="CreatedConversation">The id of the conversation a create call opened (a channel thread, a personal chat).</param>
public sealed record ConnectorRequest(string Method, string RawPath, string Authorization, JsonNode? Body,
    DateTimeOffset At, bool IsActivity, int Answered, string? ReturnedId = null, string? CreatedConversation = null)
{
    public string? Text => Body?["text"]?.GetValue<string>();

    public string? Type => Body?["type"]?.GetValue<string>();
}

/// <summary>
/// A scripted connector answer: a status, an optional Retry-After, an optional delay before answering.
/// A call cut by the caller during the delay is dropped: it never counts as received. With
/// <paramref name="Delivered"/>, the call counts as delivered on arrival and only its answer is
/// delayed: a caller that gives up first never learns that Teams has the message.
/// </summary>
public sealed record Fault(int Status, int? RetryAfterSeconds = null, TimeSpan Delay = default, bool Delivered = false);
