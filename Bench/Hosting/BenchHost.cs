using Microsoft.Extensions.DependencyInjection.Extensions;
using SecretBot.Bot.Hosting;
using SecretBot.Bot.Turns;
using SecretBot.Dialogs.State;

namespace SecretBot.Bench.Hosting;

/// <summary>
/// The bot's own application (<see cref="BotApplication"/>), configured like production by the
/// driver, plus <c>/bench/stats</c> for the driver's figures; in floor mode the activity handler is
/// replaced by <see cref="FloorHandler"/>.
/// </summary>
public static class BenchHost
{
    public const string StatsPath = "/bench/stats";

    public static WebApplication Build(BenchMode mode, string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var app = BotApplication.Build(args, configure, services =>
        {
            if (mode == BenchMode.Floor)
            {
                services.Replace(ServiceDescriptor.Singleton<IActivityHandler, FloorHandler>());
            }
        });
        app.MapGet(StatsPath, (bool? gc, IStateStore store) => Results.Json(HostStats.Read(gc == true, store)));
        return app;
    }

    /// <summary>The <c>host</c> subcommand: runs until the driver stops the process.</summary>
    public static int Run(BenchMode mode, string[] args)
    {
        Build(mode, args).Run();
        return 0;
    }
}
