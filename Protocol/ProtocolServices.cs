using Microsoft.AspNetCore.Hosting;
using SecretBot.Protocol.Auth;
using SecretBot.Protocol.Configuration;
using SecretBot.Protocol.Connector;
using SecretBot.Protocol.Turns;

namespace SecretBot.Protocol;

public static class ProtocolServices
{
    /// <summary>
    /// The Bot Framework side of the bot, its settings read and checked once (a bad one stops the
    /// start with a <see cref="SettingException"/> naming it): the bot's identity, how inbound
    /// tokens are checked, the connector and its token, the keyed digest, and the turn pipeline
    /// (one turn at a time per conversation, once per activity, drained on shutdown). The product plugs in as the
    /// <see cref="ITurnHandler"/>.
    /// </summary>
    public static WebApplicationBuilder AddProtocol(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var development = builder.Environment.IsDevelopment();
        var credentials = BotCredentials.From(configuration);
        var options = BotOptions.From(configuration);
        var endpoints = AuthEndpoints.From(configuration, development);
        HostingMode.EnsureAllowed(credentials, options, builder.Environment);
        var digest = new KeyedDigest(DigestKeySetting.From(configuration, localRun: development || credentials.IsAnonymous));

        // Our own 413 (with a reason) must answer before Kestrel's bare one.
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Limits.MaxRequestBodySize = Math.Max(options.MaxRequestBytes * 2L, 1024 * 1024));

        var services = builder.Services;
        services.AddSingleton(credentials);
        services.AddSingleton(options);
        services.AddSingleton(endpoints);
        services.AddSingleton(digest);
        services.AddBotAuthentication(credentials, endpoints, CallerPolicy.From(configuration, development));
        services.AddConnector(configuration, credentials, endpoints, development);
        services.AddSingleton<ConversationGate>();
        // One instance; the host replaces these two when several share Redis.
        services.AddSingleton<ITurnOrder, SingleInstanceTurnOrder>();
        services.AddSingleton<IActivityLedger>(_ => new MemoryActivityLedger(options.DuplicateWindow, digest));
        services.AddSingleton<TurnDrain>();
        services.AddSingleton<TurnProcessor>();
        return builder;
    }
}
