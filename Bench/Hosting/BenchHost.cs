using Microsoft.Extensions.DependencyInjection.Extensions;
using SecretBot.Protocol.Turns;
using SecretBot.Conversations.Turns;
using SecretBot.Dialogs.State;
using SecretBot.Protocol.Configuration;
using SecretBot.Conversations.Preferences;

namespace SecretBot.Bench.Hosting;

/// <summary>
/// The bot's own application (<see cref="SecretBot.Bot.Program"/>), configured like production by the
/// driver, plus <c>/bench/stats</c> for the driver's figures; in floor mode the activity handler is
/// replaced by <see cref="FloorHandler"/>.
/// </summary>
public static class BenchHost
{
    public const string StatsPath = "/bench/stats";

    public static WebApplication Build(BenchMode mode, string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var app = SecretBot.Bot.Program.Build(args, configure, services =>
        {
            if (mode == BenchMode.Floor)
            {
                services.Replace(ServiceDescriptor.Singleton<ITurnHandler, FloorHandler>());
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
