namespace SecretBot.Protocol.Connector;

/// <summary>
/// The bearer token the bot puts on its calls to the connector. Returns null in anonymous local
/// mode, where replies go out without a token.
/// </summary>
public interface IAccessTokenProvider
{
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The connector refused <paramref name="refusedToken"/> (401): the next call fetches a new token,
    /// unless another caller already did.
    /// </summary>
    void Invalidate(string refusedToken);
}
