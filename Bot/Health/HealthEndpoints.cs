using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SecretBot.Bot.Health;

/// <summary>
/// <c>/healthz</c>: the process answers (no check runs). <c>/readyz</c>: it can serve a turn, every
/// check tagged <see cref="Ready"/> passes (loaded knowledge, a reachable state store); 503 otherwise.
/// ASP.NET Core's health checks run them (a check that throws or times out is unhealthy, not a 500);
/// the answers keep the bot's JSON: <c>{"status":"ready","checks":{"knowledge":"ready","state":"ready"}}</c>.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>The tag of the checks <c>/readyz</c> runs.</summary>
    public const string Ready = "ready";

    private static readonly PathString Alive = "/healthz";
    private static readonly PathString Readiness = "/readyz";

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks(Alive, new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = (http, _) => http.Response.WriteAsJsonAsync(new { status = "alive" }),
        });
        routes.MapHealthChecks(Readiness, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Ready),
            ResponseWriter = WriteReadinessAsync,
        });
        return routes;
    }

    /// <summary>Whether a request is one of the platform's probes (not worth a trace).</summary>
    public static bool IsProbe(PathString path) => path.Equals(Alive) || path.Equals(Readiness);

    private static Task WriteReadinessAsync(HttpContext http, HealthReport report)
    {
        var checks = report.Entries.ToDictionary(entry => entry.Key, entry => Says(entry.Value.Status), StringComparer.Ordinal);
        return http.Response.WriteAsJsonAsync(new { status = Says(report.Status), checks });
    }

    // Degraded still serves turns: ready (and 200, ASP.NET Core's default for it).
    private static string Says(HealthStatus status) => status == HealthStatus.Unhealthy ? "not ready" : "ready";
}
