using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
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
    /// <param name="services">The peer's own services, if it has any.</param>
    public static async Task<(WebApplication App, Uri BaseUrl)> StartAsync(Action<WebApplication> map, int port = 0,
        Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        services?.Invoke(builder.Services);
        KeepOutOfTheBotsTelemetry(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return (app, Addresses(app).Single());
    }

    /// <summary>
    /// The same app listening on http (<paramref name="port"/>) and on https (a free port) with a
    /// self-signed certificate for 127.0.0.1: MSAL talks only to an https authority.
    /// </summary>
    public static async Task<(WebApplication App, Uri BaseUrl, Uri SecureBaseUrl)> StartWithTlsAsync(Action<WebApplication> map, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(LoopbackCertificate.Value));
        });
        builder.Logging.ClearProviders();
        KeepOutOfTheBotsTelemetry(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var addresses = Addresses(app);
        return (app, addresses.Single(a => a.Scheme == Uri.UriSchemeHttp), addresses.Single(a => a.Scheme == Uri.UriSchemeHttps));
    }

    /// <summary>
    /// A peer runs in the bot's process in the tests, and ASP.NET Core's spans and metrics are found by
    /// name: under names of their own, the peers' requests stay out of the bot's telemetry.
    /// </summary>
    private static void KeepOutOfTheBotsTelemetry(IServiceCollection services)
    {
        services.AddSingleton(new ActivitySource(DiagnosticsName));
        services.AddSingleton(new DiagnosticListener(DiagnosticsName));
        services.AddSingleton<DiagnosticSource>(provider => provider.GetRequiredService<DiagnosticListener>());
        services.AddSingleton<IMeterFactory, PeerMeters>();
    }

    private static List<Uri> Addresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(address => new Uri(address.TrimEnd('/') + "/")).ToList();

    /// <summary>One certificate for every peer of the process (an ECDSA key is made in a millisecond).</summary>
    private static readonly Lazy<X509Certificate2> LoopbackCertificate = new(() =>
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(2));
    });

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
