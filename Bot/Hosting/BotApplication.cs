using SecretBot.Bot.Health;
using SecretBot.Bot.Messaging;

namespace SecretBot.Bot.Hosting;

/// <summary>Builds the bot's web application; the tests start the same application on a free port.</summary>
public static class BotApplication
{
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
        builder.AddSecretBot();
        replaceServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapMessages();
        app.MapHealth();
        return app;
    }
}
