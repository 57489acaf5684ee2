using Microsoft.AspNetCore.Builder;

namespace SecretBot.Bot.Hosting;

/// <summary>Builds the bot's web application; the tests start the same application on a free port.</summary>
public static class BotApplication
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Ok(new { status = "alive" }));
        return app;
    }
}
