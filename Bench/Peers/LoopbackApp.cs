using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace SecretBot.Bench.Peers;

/// <summary>
/// A minimal Kestrel app on 127.0.0.1 with no logging, for the peers the bot talks to: the bench's
/// and the tests' (Bot.Tests references the bench for them).
/// </summary>
public static class LoopbackApp
{
    /// <param name="port">0 for a free port; a fixed one to come back on the same address after a restart.</param>
    /// <param name="services">The peer's own services, if it has any.</param>
    public static async Task<(WebApplication App, Uri BaseUrl)> StartAsync(Action<WebApplication> map, int port = 0,
        Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.TrimEnd('/') + "/"));
    }
}
