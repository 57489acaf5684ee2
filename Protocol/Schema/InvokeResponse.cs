namespace SecretBot.Protocol.Schema;

/// <summary>What the bot answers to an <c>invoke</c> activity: an HTTP status and a JSON body.</summary>
public sealed record InvokeResponse(int Status, object? Body)
{
    public static InvokeResponse NotImplemented { get; } = new(501, null);
}
