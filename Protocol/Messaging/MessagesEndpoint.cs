using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using SecretBot.Protocol.Auth;
using SecretBot.Protocol.Configuration;
using SecretBot.Protocol.Connector;
using SecretBot.Protocol.Schema;
using SecretBot.Protocol.Turns;

namespace SecretBot.Protocol.Messaging;

/// <summary>
/// <c>/api/messages</c>: where channels POST activities (docs/protocol.md §1). Checks the request, the
/// token and the activity, then hands the activity to the turn processor.
/// </summary>
public static class MessagesEndpoint
{
    public static IEndpointConventionBuilder MapMessages(this IEndpointRouteBuilder routes) =>
        routes.Map("/api/messages", HandleAsync);

    private static async Task HandleAsync(HttpContext http, BotOptions options, BotCredentials credentials,
        IRequestAuthenticator authenticator, ServiceUrlTrust trust, TurnProcessor turns, TurnDrain drain)
    {
        var request = http.Request;
        if (InboundRequest.CheckEnvelope(request, options.MaxRequestBytes) is { } envelopeError)
        {
            await envelopeError.WriteAsync(http.Response);
            return;
        }

        string? authorization = request.Headers.Authorization;
        if (!credentials.IsAnonymous && string.IsNullOrEmpty(authorization))
        {
            await new ProtocolError(401, "Unauthorized", "A bearer token is required.").WriteAsync(http.Response);
            return;
        }

        var (body, readError) = await InboundRequest.ReadBodyAsync(request, options.MaxRequestBytes, http.RequestAborted);
        var (activity, parseError) = body is null ? (null, readError) : InboundRequest.Parse(body);
        if (activity is null || parseError is not null)
        {
            await parseError!.WriteAsync(http.Response);
            return;
        }

        var auth = await authenticator.AuthenticateAsync(authorization, activity.ChannelId, activity.ServiceUrl,
            http.RequestAborted);
        if (!auth.IsAuthenticated)
        {
            var code = auth.Status == 503 ? "KeysUnavailable" : "Unauthorized";
            await new ProtocolError(auth.Status, code, auth.Reason ?? "The token was refused.").WriteAsync(http.Response);
            return;
        }

        // A turn the bot could not answer is not run: its state would move on with nothing said.
        if (!string.IsNullOrWhiteSpace(activity.ServiceUrl) && !trust.Check(new Uri(activity.ServiceUrl)))
        {
            await new ProtocolError(400, "UntrustedServiceUrl", "The activity's 'serviceUrl' is not a host this bot answers to.")
                .WriteAsync(http.Response);
            return;
        }

        // The turn outlives a caller that gives up waiting: Teams re-sends after 15 s and the
        // re-send must find the first turn finished, not half done; on shutdown it gets the drain's time.
        InvokeResponse? response;
        try
        {
            response = await turns.ProcessAsync(activity, drain.Token);
        }
        catch (TurnOrderTimeoutException)
        {
            http.Response.Headers.RetryAfter = "1";
            await new ProtocolError(503, "ConversationBusy", "The conversation's previous turn is still running on another instance.")
                .WriteAsync(http.Response);
            return;
        }

        if (response is null)
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        http.Response.StatusCode = response.Status;
        if (response.Body is not null)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(http.Response.Body, response.Body, response.Body.GetType(),
                ProtocolJson.Options, http.RequestAborted);
        }
    }
}
