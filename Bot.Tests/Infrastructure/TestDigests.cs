using SecretBot.Protocol.Configuration;
using SecretBot.Conversations.Turns;

namespace SecretBot.Bot.Tests.Infrastructure;

/// <summary>A fixed digest key for tests that build the engine without a host; hosts in Production get <see cref="Setting"/>.</summary>
public static class TestDigests
{
    public static readonly KeyedDigest Digest = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static readonly StateKeys Keys = new(Digest, "test:");

    /// <summary>The <c>Privacy:DigestKey</c> value a Production host is given.</summary>
    public static readonly string Setting = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());
}
