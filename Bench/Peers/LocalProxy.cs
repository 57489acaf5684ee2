using System.Collections.Concurrent;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Model;

namespace SecretBot.Bench.Peers;

/// <summary>
/// A small reverse proxy on loopback in front of several bot instances, as a cloud load balancer
/// stands in front of an app's instances: YARP, round robin, no session affinity (the instances
/// share state, turn order and re-send ledger through Redis). A request that an instance refuses or
/// drops before answering goes to the next instance, its body replayed: what Teams would do later
/// with a re-send, and which the shared ledger answers once. Active checks (<c>/healthz</c> every
/// 500 ms) and passive ones take a dead instance out of the rotation until it answers again.
/// </summary>
public sealed class LocalProxy : IAsyncDisposable
{
    private const string ClusterId = "bot";
    private readonly ConcurrentDictionary<string, long> _forwarded = new(StringComparer.Ordinal);
    private WebApplication _app = null!;
    private long _retried;

    private LocalProxy()
    {
    }

    public Uri BaseUrl { get; private set; } = null!;

    public Uri MessagesUrl => new(BaseUrl, "api/messages");

    /// <summary>Requests sent again to another instance after one refused or dropped them.</summary>
    public long Retried => Interlocked.Read(ref _retried);

    /// <summary>Requests each instance answered ("bot-0", "bot-1"…), in the order the instances were given.</summary>
    public IReadOnlyDictionary<string, long> Answered => _forwarded;

    /// <param name="instances">The instances' base addresses; each keeps its address across a restart.</param>
    public static async Task<LocalProxy> StartAsync(IReadOnlyList<Uri> instances)
    {
        var proxy = new LocalProxy();
        var cluster = new ClusterConfig
        {
            ClusterId = ClusterId,
            LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
            HealthCheck = new HealthCheckConfig
            {
                Active = new ActiveHealthCheckConfig
                {
                    Enabled = true,
                    Interval = TimeSpan.FromMilliseconds(500),
                    Timeout = TimeSpan.FromSeconds(2),
                    Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                    Path = "/healthz",
                },
                Passive = new PassiveHealthCheckConfig
                {
                    Enabled = true,
                    Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
                    ReactivationPeriod = TimeSpan.FromSeconds(2),
                },
            },
            HttpClient = new HttpClientConfig { MaxConnectionsPerServer = 1024 },
            Destinations = instances.Select((url, i) => (Id: $"bot-{i}", url))
                .ToDictionary(d => d.Id, d => new DestinationConfig { Address = d.url.AbsoluteUri }),
        };
        var route = new RouteConfig { RouteId = "all", ClusterId = ClusterId, Match = new RouteMatch { Path = "{**path}" } };
        (proxy._app, proxy.BaseUrl) = await LoopbackApp.StartAsync(
            app => app.MapReverseProxy(pipeline =>
            {
                pipeline.Use(proxy.ElsewhereOnFailureAsync);
                pipeline.UseLoadBalancing();
                pipeline.UsePassiveHealthChecks();
            }),
            services: services => services.AddReverseProxy().LoadFromMemory([route], [cluster]));
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Sends the request again, to an instance not tried yet, when one failed before answering.</summary>
    private async Task ElsewhereOnFailureAsync(HttpContext context, Func<Task> next)
    {
        context.Request.EnableBuffering();
        var proxy = context.GetReverseProxyFeature();
        var tried = new List<DestinationState>();
        while (true)
        {
            await next();
            if (proxy.ProxiedDestination is { } destination)
            {
                tried.Add(destination);
            }

            var error = context.GetForwarderErrorFeature()?.Error;
            var elsewhere = Untried(proxy, tried);
            if (error is not (ForwarderError.Request or ForwarderError.RequestBodyDestination) || context.Response.HasStarted || elsewhere.Count == 0)
            {
                if (error is null && proxy.ProxiedDestination is { } answered)
                {
                    _forwarded.AddOrUpdate(answered.DestinationId, 1, (_, n) => n + 1);
                }

                return;
            }

            Interlocked.Increment(ref _retried);
            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.Clear();
            context.Request.Body.Position = 0;
            proxy.AvailableDestinations = elsewhere;
        }
    }

    /// <summary>The healthy instances not tried yet; when none is healthy, any not tried yet.</summary>
    private static List<DestinationState> Untried(IReverseProxyFeature proxy, List<DestinationState> tried)
    {
        var healthy = proxy.Route.Cluster!.DestinationsState.AvailableDestinations.Where(d => !tried.Contains(d)).ToList();
        return healthy.Count > 0 ? healthy : proxy.AllDestinations.Where(d => !tried.Contains(d)).ToList();
    }
}
