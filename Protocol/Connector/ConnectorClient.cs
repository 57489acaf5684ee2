using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SecretBot.Protocol.Schema;
using SecretBot.Protocol.Configuration;

namespace SecretBot.Protocol.Connector;

/// <summary>
/// The Bot Connector REST client (docs/protocol.md §2) on a typed HttpClient whose resilience
/// pipeline (see <see cref="ConnectorResilience"/>) retries throttling and transient failures. The
/// service URL's host is checked (<see cref="ServiceUrlTrust"/>) before a token is attached; a
/// token the connector refuses (401) is replaced once.
/// </summary>
public sealed partial class ConnectorClient(HttpClient http, IAccessTokenProvider tokens, ServiceUrlTrust trust,
    KeyedDigest hashes, ILogger<ConnectorClient> logger) : IConnectorClient
{
    public async Task<ResourceResponse> ReplyToActivityAsync(Uri serviceUrl, string conversationId, string activityId,
        Activity activity, CancellationToken cancellationToken) =>
        await SendAsync<ResourceResponse>("reply", HttpMethod.Post, serviceUrl,
            $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, conversationId,
            cancellationToken) ?? new ResourceResponse(null);

    public async Task<ResourceResponse> SendToConversationAsync(Uri serviceUrl, string conversationId, Activity activity,
        CancellationToken cancellationToken) =>
        await SendAsync<ResourceResponse>("send", HttpMethod.Post, serviceUrl,
            $"v3/conversations/{Escape(conversationId)}/activities", activity, conversationId, cancellationToken)
        ?? new ResourceResponse(null);

    public async Task<ResourceResponse> UpdateActivityAsync(Uri serviceUrl, string conversationId, string activityId,
        Activity activity, CancellationToken cancellationToken) =>
        await SendAsync<ResourceResponse>("update", HttpMethod.Put, serviceUrl,
            $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, conversationId,
            cancellationToken) ?? new ResourceResponse(null);

    public Task DeleteActivityAsync(Uri serviceUrl, string conversationId, string activityId,
        CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>("delete", HttpMethod.Delete, serviceUrl,
            $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", null, conversationId,
            cancellationToken);

    public async Task<ConversationResourceResponse> CreateConversationAsync(Uri serviceUrl, ConversationParameters parameters,
        CancellationToken cancellationToken) =>
        await SendAsync<ConversationResourceResponse>("create-conversation", HttpMethod.Post, serviceUrl, "v3/conversations",
            parameters, conversationId: null, cancellationToken) ?? new ConversationResourceResponse(null, null, null);

    /// <summary>Teams ids contain ':', ';', '=', '@': each path segment is percent-encoded.</summary>
    private static string Escape(string id) => Uri.EscapeDataString(id);

    private async Task<T?> SendAsync<T>(string operation, HttpMethod method, Uri serviceUrl, string path, object? body,
        string? conversationId, CancellationToken cancellationToken) where T : class
    {
        using var span = ConnectorTelemetry.Start(operation);
        if (!trust.Check(serviceUrl))
        {
            ConnectorTelemetry.Untrusted(span, operation);
            throw new ConnectorException(operation, null, "the serviceUrl's host is not trusted; nothing was sent");
        }

        // Bytes, not a stream: the resilience pipeline and the 401 retry may send the same body again.
        var content = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), ProtocolJson.Options);
        var target = new Uri(WithTrailingSlash(serviceUrl), path);
        var token = await tokens.GetTokenAsync(cancellationToken);
        var response = await SendOnceAsync(operation, method, target, content, token, conversationId, span, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized && token is not null)
        {
            // The token may have been revoked or rotated before its expiry: one fresh token, one more try.
            response.Dispose();
            tokens.Invalidate(token);
            response = await SendOnceAsync(operation, method, target, content, await tokens.GetTokenAsync(cancellationToken),
                conversationId, span, cancellationToken);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var meaning = ConnectorException.MeaningOf(response.StatusCode);
                LogFailed(operation, (int)response.StatusCode, meaning, hashes.Tag(conversationId));
                ConnectorTelemetry.Answered(span, operation, response.StatusCode);
                throw new ConnectorException(operation, response.StatusCode, meaning);
            }

            return await ReadAsync<T>(response, cancellationToken);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(string operation, HttpMethod method, Uri target, byte[]? content,
        string? token, string? conversationId, System.Diagnostics.Activity? span, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, target);
        if (content is not null)
        {
            request.Content = new ByteArrayContent(content);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutException
                                              or Polly.Timeout.TimeoutRejectedException
                                          || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogFailed(operation, 0, ConnectorException.MeaningOf(null), hashes.Tag(conversationId));
            ConnectorTelemetry.NoAnswer(span, operation, exception);
            throw new ConnectorException(operation, null, ConnectorException.MeaningOf(null));
        }
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken) where T : class
    {
        if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
        {
            return null;
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<T>(ProtocolJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            // Delivered: an answer we cannot read does not undo the delivery.
            return null;
        }
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    [LoggerMessage(EventId = 200, Level = LogLevel.Warning,
        Message = "Connector {Operation} failed with status {Status}: {Meaning} (conversation={ConversationHash})")]
    private partial void LogFailed(string operation, int status, string meaning, string conversationHash);
}
