namespace SecretBot.Bot.Connector;

/// <summary>
/// The bearer token the bot puts on its calls to the connector. Returns null in anonymous local
/// mode, where replies go out without a token.
/// </summary>
public interface IAccessTokenProvider
{
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}
