using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SecretBot.Bot.Logging;
using SecretBot.Bot.Protocol;

namespace SecretBot.Bot.Connector;

/// <summary>
/// The Bot Connector REST client (PROTOCOL.md §2) on a typed HttpClient whose resilience pipeline
/// (see <see cref="ConnectorResilience"/>) retries throttling and transient failures.
/// </summary>
public sealed partial class ConnectorClient(HttpClient http, IAccessTokenProvider tokens, ILogger<ConnectorClient> logger)
    : IConnectorClient
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
        using var request = new HttpRequestMessage(method, new Uri(WithTrailingSlash(serviceUrl), path));
        if (body is not null)
        {
            // Bytes, not a stream: the resilience pipeline may send the same request again.
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), ProtocolJson.Options));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        if (await tokens.GetTokenAsync(cancellationToken) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutException
                                              or Polly.Timeout.TimeoutRejectedException
                                          || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogFailed(operation, 0, ConnectorException.MeaningOf(null), PrivacyHash.Of(conversationId));
            throw new ConnectorException(operation, null, ConnectorException.MeaningOf(null));
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var meaning = ConnectorException.MeaningOf(response.StatusCode);
                LogFailed(operation, (int)response.StatusCode, meaning, PrivacyHash.Of(conversationId));
                throw new ConnectorException(operation, response.StatusCode, meaning);
            }

            return await ReadAsync<T>(response, cancellationToken);
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
