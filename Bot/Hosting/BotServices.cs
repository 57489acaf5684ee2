using Microsoft.Extensions.Logging;
using SecretBot.Bot.Auth;
using SecretBot.Bot.Channels;
using SecretBot.Bot.Configuration;
using SecretBot.Bot.Connector;
using SecretBot.Bot.Conversation;
using SecretBot.Bot.RuleBase;
using SecretBot.Bot.State;
using SecretBot.Bot.Texts;
using SecretBot.Bot.Turns;
using SecretBot.Dialogs.Runtime;
using SecretBot.Dialogs.State;
using SecretBot.Dialogs.Texts;

namespace SecretBot.Bot.Hosting;

/// <summary>Wires options, authentication, the connector and the turn pipeline.</summary>
public static class BotServices
{
    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static WebApplicationBuilder AddSecretBot(this WebApplicationBuilder builder)
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
        services.AddSingleton(new StateKeys(digest, $"sb:{credentials.AppId ?? "local"}:"));
        services.AddBotAuthentication(credentials, endpoints, CallerPolicy.From(configuration, development));
        services.AddConnector(configuration, credentials, endpoints, development);

        services.AddSingleton<ConversationGate>();
        services.AddSingleton(_ => new ActivityLedger(options.DuplicateWindow, digest));
        services.AddSingleton<TurnProcessor>();
        services.AddSingleton(HostTexts.Load());
        services.AddSingleton<WelcomeOnce>();
        services.AddConversationState(configuration);
        services.AddKnowledge(configuration["Knowledge:Directory"]);
        services.AddSingleton(EngineTexts.Load());
        var settings = new DialogSettings(Blank(configuration["Bot:Language"]), Blank(configuration["Bot:DefaultJurisdiction"]));
        services.AddSingleton(settings);
        var escalation = EscalationOptions.From(configuration);
        services.AddSingleton(escalation);
        services.AddSingleton<ReferentThrottle>();
        services.AddSingleton<IdentifyingDetails>();
        services.AddSingleton(ProductConversations.Build);
        services.AddSingleton<IActivityHandler>(provider =>
        {
            var module = provider.GetRequiredService<ConversationModule>();
            return new DialogActivityHandler(
                new DialogTurnRunner(module.Dialogs, module.RootDialogId, provider.GetRequiredService<IStateStore>(),
                    provider.GetRequiredService<StateKeys>(), provider.GetRequiredService<StateOptions>(), provider.GetRequiredService<EngineTexts>(), module.Presenter,
                    provider.GetRequiredService<ILogger<DialogTurnRunner>>()),
                provider.GetRequiredService<PreferencesStore>(), provider.GetRequiredService<HostTexts>(),
                provider.GetRequiredService<WelcomeOnce>(), provider.GetRequiredService<SecretBot.Knowledge.Model.KnowledgeBase>(),
                new SearchExtension(provider.GetRequiredService<SecretBot.Knowledge.Model.KnowledgeBase>(),
                    provider.GetRequiredService<SecretBot.Knowledge.Search.KnowledgeSearch>()), escalation,
                provider.GetRequiredService<ReferentThrottle>(), provider.GetRequiredService<IdentifyingDetails>(), settings);
        });
        return builder;
    }
}
