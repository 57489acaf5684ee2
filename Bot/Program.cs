using SecretBot.Bot.Health;
using SecretBot.Bot.Hosting;
using SecretBot.Bot.Pages;
using SecretBot.Conversations;
using SecretBot.Knowledge.Loading;
using SecretBot.Protocol;
using SecretBot.Protocol.Configuration;
using SecretBot.Protocol.Messaging;

namespace SecretBot.Bot;

/// <summary>
/// SecretBot's host, as a table of contents: each part comes from its own project and reads its
/// own settings once, at start. A bad setting stops the start with one line naming it.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            Build(args).Run();
            return 0;
        }
        catch (SettingException exception)
        {
            // A bad setting is the operator's to fix: say which, without a stack trace.
            Console.Error.WriteLine($"SecretBot cannot start. {exception.Message}");
            return 2;
        }
        catch (KnowledgeValidationException exception)
        {
            Console.Error.WriteLine($"SecretBot cannot start. {exception.Message}");
            return 3;
        }
    }

    /// <summary>Builds the bot's web application; the tests start the same application on a free port.</summary>
    /// <param name="args">Command-line arguments (configuration overrides such as <c>--urls</c>).</param>
    /// <param name="configure">Lets a test add settings or log providers before the services are wired.</param>
    /// <param name="replaceServices">Lets a test swap a service after the bot's own are wired.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null,
        Action<IServiceCollection>? replaceServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // The repository's appsettings.json is copied next to the assembly: the embedded defaults.
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder);

        builder.AddProtocol();                                                      // Bot Framework: identity, inbound tokens, connector, turn pipeline
        builder.Services.AddKnowledge(builder.Configuration);                      // the rule base, loaded and validated (a flaw names its file and line)
        builder.Services.AddConversationState(builder.Configuration);              // conversation state: in memory, or Redis for several instances (with their turn order and re-send ledger)
        builder.Services.AddConversations(builder.Configuration);                  // SecretBot's conversations, behind the protocol's turn handler
        builder.Services.AddPages(builder.Configuration);                          // the privacy and terms pages, with the organisation that provides the bot
        builder.AddTelemetry();                                                     // traces and metrics over OTLP or to Azure Monitor, when configured; nothing else
        replaceServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapMessages();                                                          // POST /api/messages
        app.MapHealth();                                                            // /healthz, /readyz
        app.MapPages();                                                             // /, /privacy, /terms (the manifest's links), French and English
        return app;
    }
}
