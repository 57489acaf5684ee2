namespace SecretBot.Bench.Hosting;

/// <summary>How the bench host runs the bot.</summary>
public enum BenchMode
{
    /// <summary>The same host, HTTP in and out, with a handler that sends one small reply: the bot's overhead floor.</summary>
    Floor,

    /// <summary>The real bot in anonymous local mode (no token checked, none sent).</summary>
    Anonymous,

    /// <summary>The real bot with an app id: inbound RS256 channel tokens checked, outbound calls with a token.</summary>
    Auth,
}

public static class BenchModes
{
    public static BenchMode Parse(string text) => Enum.TryParse<BenchMode>(text, ignoreCase: true, out var mode)
        ? mode
        : throw new ArgumentException($"'{text}' is not a bench mode (floor, anonymous, auth).");

    public static string Name(this BenchMode mode) => mode.ToString().ToLowerInvariant();
}
