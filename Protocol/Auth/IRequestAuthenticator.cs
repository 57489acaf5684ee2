namespace SecretBot.Protocol.Auth;

/// <summary>
/// Checks the bearer token of an inbound request against the activity it carries (docs/protocol.md §1).
/// </summary>
public interface IRequestAuthenticator
{
    Task<AuthOutcome> AuthenticateAsync(string? authorizationHeader, string? channelId, string? serviceUrl,
        CancellationToken cancellationToken);
}

/// <summary>
/// The verdict on a request. <see cref="Status"/> is 401 for a bad or missing token and 503 when the
/// keys needed to check it are not available yet: a token is never accepted unchecked.
/// </summary>
public sealed record AuthOutcome(bool IsAuthenticated, int Status, string? Reason, string? CallerAppId)
{
    public static AuthOutcome Anonymous { get; } = new(true, 200, null, null);

    public static AuthOutcome Accepted(string? callerAppId) => new(true, 200, null, callerAppId);

    public static AuthOutcome Refused(string reason) => new(false, 401, reason, null);

    public static AuthOutcome KeysUnavailable(string reason) => new(false, 503, reason, null);
}
