using System.Net;

namespace SecretBot.Protocol.Connector;

/// <summary>A connector call that failed for good (after retries), with what Teams means by the status.</summary>
public sealed class ConnectorException(string operation, HttpStatusCode? status, string meaning)
    : Exception($"Connector {operation} failed ({(status is null ? "no answer" : ((int)status).ToString())}): {meaning}")
{
    public string Operation { get; } = operation;

    public HttpStatusCode? Status { get; } = status;

    public string Meaning { get; } = meaning;

    /// <summary>What Teams means by a refusal (docs/protocol.md §2), for a log an operator can act on.</summary>
    public static string MeaningOf(HttpStatusCode? status) => status switch
    {
        null => "no answer from the connector (network error or timeout)",
        HttpStatusCode.Unauthorized => "the bot is not registered or its token was refused",
        HttpStatusCode.Forbidden => "the bot is blocked, not in the conversation's roster, or disabled by an administrator",
        HttpStatusCode.NotFound => "the conversation was not found",
        HttpStatusCode.PreconditionFailed => "precondition failed (concurrent update); retries exhausted",
        HttpStatusCode.RequestEntityTooLarge => "the message is too big for Teams",
        HttpStatusCode.TooManyRequests => "throttled by Teams; retries exhausted",
        >= HttpStatusCode.InternalServerError => "the connector is failing",
        _ => "the connector refused the request",
    };
}

/// <summary>The bot could not get a token to call the connector (token endpoint down or credentials refused).</summary>
public sealed class TokenUnavailableException(string reason, Exception? inner = null)
    : Exception($"No connector token: {reason}", inner);
