using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace SecretBot.Bench.Peers;

/// <summary>
/// A minimal Kestrel app on 127.0.0.1 with no logging, for the peers the bot talks to: the bench's
/// and the tests' (Bot.Tests references the bench for them).
/// </summary>
public static class LoopbackApp
{
    /// <summary>The activity source, diagnostic listener and meters of the peers' ASP.NET Core, apart from the bot's.</summary>
    public const string DiagnosticsName = "SecretBot.Bench.Peers";

    /// <param name="port">0 for a free port; a fixed one to come back on the same address after a restart.</param>
    public static async Task<(WebApplication App, Uri BaseUrl)> StartAsync(Action<WebApplication> map, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        // A peer runs in the bot's process in the tests, and ASP.NET Core's spans and metrics are found by
        // name: under names of their own, the peers' requests stay out of the bot's telemetry.
        builder.Services.AddSingleton(new ActivitySource(DiagnosticsName));
        builder.Services.AddSingleton(new DiagnosticListener(DiagnosticsName));
        builder.Services.AddSingleton<DiagnosticSource>(services => services.GetRequiredService<DiagnosticListener>());
        builder.Services.AddSingleton<IMeterFactory, PeerMeters>();
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>ASP.NET Core's meters ("Microsoft.AspNetCore.Hosting"…) renamed under <see cref="DiagnosticsName"/>.</summary>
    private sealed class PeerMeters : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(new MeterOptions($"{DiagnosticsName}.{options.Name}")
            {
                Version = options.Version,
                Tags = options.Tags,
                Scope = this,
            });
            lock (_meters)
            {
                _meters.Add(meter);
            }

            return meter;
        }

        public void Dispose()
        {
            lock (_meters)
            {
                _meters.ForEach(meter => meter.Dispose());
                _meters.Clear();
            }
        }
    }
}
