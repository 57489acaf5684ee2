using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using SecretBot.Bench.Peers;

namespace SecretBot.Bot.Tests.Infrastructure;

/// <summary>
/// A local Bot Connector and OAuth token endpoint on loopback. It records every request the bot
/// makes (method, raw path, Authorization, JSON body, time), answers like Teams (ids for activities,
/// 201), and plays faults on demand: scripted answers (429 with Retry-After, 503, 500…), a delay,
/// a fault plan consulted on every call, a token endpoint that is down or refuses.
/// </summary>
public sealed class LocalConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<ConnectorRequest> _requests = new();
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly SemaphoreSlim _arrivals = new(0);
    private WebApplication _app = null!;
    private int _nextId;
    private int _tokensIssued;

    private LocalConnector()
    {
    }

    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>The token endpoint as the bot's <c>Auth:TokenEndpoint</c> setting wants it.</summary>
    public string TokenEndpointTemplate => new Uri(ServiceUrl, "oauth/{tenant}/token").AbsoluteUri.Replace("%7B", "{").Replace("%7D", "}");

    public IReadOnlyCollection<ConnectorRequest> Requests => _requests;

    /// <summary>Activity requests only (not token requests).</summary>
    public IReadOnlyList<ConnectorRequest> Activities => _requests.Where(r => r.IsActivity).ToList();

    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    /// <summary>Token requests received, answered or refused.</summary>
    public int TokenRequests => _requests.Count(r => !r.IsActivity);

    /// <summary>Activity calls answered as delivered since the start, including those <see cref="Forget"/> dropped.</summary>
    public int DeliveredCount => Volatile.Read(ref _nextId);

    public int TokenLifetimeSeconds { get; set; } = 3600;

    public bool TokenEndpointDown { get; set; }

    /// <summary>Every activity call answers this status while set (e.g. 500 forever).</summary>
    public int? FailAlwaysWith { get; set; }

    /// <summary>
    /// Consulted for every activity call that no scripted fault answers, with the call's method and
    /// raw path and its body: the fault to play, or null for normal service.
    /// </summary>
    public Func<string, JsonNode?, Fault?>? FaultPlan { get; set; }

    public static async Task<LocalConnector> StartAsync()
    {
        var connector = new LocalConnector();
        (connector._app, connector.ServiceUrl) = await LoopbackApp.StartAsync(app =>
        {
            app.MapPost("/oauth/{tenant}/token", (Delegate)connector.IssueTokenAsync);
            app.MapPost("/v3/conversations", (Delegate)connector.RecordAsync);
            app.MapPost("/v3/conversations/{conversationId}/activities", (Delegate)connector.RecordAsync);
            app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (Delegate)connector.RecordAsync);
            app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (Delegate)connector.RecordAsync);
            app.MapDelete("/v3/conversations/{conversationId}/activities/{activityId}", (Delegate)connector.RecordAsync);
        });
        return connector;
    }

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
    }

    private async Task<IResult> IssueTokenAsync(HttpContext http, string tenant)
    {
        var form = await http.Request.ReadFormAsync();
        Record(http, new JsonObject { ["tenant"] = tenant, ["client_id"] = form["client_id"].ToString(), ["scope"] = form["scope"].ToString() },
            isActivity: false, answered: TokenEndpointDown ? 503 : 200);
        if (TokenEndpointDown)
        {
            return Results.StatusCode(503);
        }

        var n = Interlocked.Increment(ref _tokensIssued);
        return Results.Json(new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = TokenLifetimeSeconds,
            ["access_token"] = $"test-token-{n}",
        });
    }

    private async Task<IResult> RecordAsync(HttpContext http)
    {
        JsonNode? body = null;
        if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            body = await JsonNode.ParseAsync(http.Request.Body);
        }

        var fault = _faults.TryDequeue(out var scripted) ? scripted
            : FailAlwaysWith is { } always ? new Fault(always)
            : FaultPlan?.Invoke($"{http.Request.Method} {RawTarget(http)}", body);
        if (fault is { Delivered: true })
        {
            // Teams has the message; only its answer is late, or lost when the caller gives up first.
            var delivered = Deliver(http, body);
            await Task.Delay(fault.Delay, http.RequestAborted);
            return delivered;
        }

        if (fault is not null)
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

            return Results.StatusCode(fault.Status);
        }

        return Deliver(http, body);
    }

    private IResult Deliver(HttpContext http, JsonNode? body)
    {
        var id = $"activity-{Interlocked.Increment(ref _nextId)}";
        Record(http, body, isActivity: true, answered: 201, returnedId: id);
        return http.Request.Method == HttpMethods.Delete
            ? Results.Ok()
            : Results.Json(new JsonObject { ["id"] = id, ["activityId"] = id, ["serviceUrl"] = ServiceUrl.AbsoluteUri }, statusCode: 201);
    }

    private static string RawTarget(HttpContext http) =>
        http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path.ToString();

    private void Record(HttpContext http, JsonNode? body, bool isActivity, int answered, string? returnedId = null)
    {
        _requests.Enqueue(new ConnectorRequest(http.Request.Method, RawTarget(http), http.Request.Headers.Authorization.ToString(),
            body, DateTimeOffset.UtcNow, isActivity, answered, returnedId));
        _arrivals.Release();
    }
}

/// <summary>One request the bot made to the connector, as it arrived.</summary>
/// <param name="ReturnedId">The activity id the connector gave back (the message id a later click replies to).</param>
public sealed record ConnectorRequest(string Method, string RawPath, string Authorization, JsonNode? Body,
    DateTimeOffset At, bool IsActivity, int Answered, string? ReturnedId = null)
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
