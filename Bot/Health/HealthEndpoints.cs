using Microsoft.AspNetCore.Routing;

namespace SecretBot.Bot.Health;

/// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: it can serve a turn.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", () => Results.Json(new { status = "alive" }));
        routes.MapGet("/readyz", async (IEnumerable<IReadinessCheck> checks, CancellationToken cancellationToken) =>
        {
            var results = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var check in checks)
            {
                results[check.Name] = await IsReadyAsync(check, cancellationToken) ? "ready" : "not ready";
            }

            var ready = results.Values.All(v => v == "ready");
            return Results.Json(new { status = ready ? "ready" : "not ready", checks = results },
                statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return routes;
    }

    private static async Task<bool> IsReadyAsync(IReadinessCheck check, CancellationToken cancellationToken)
    {
        try
        {
            return await check.IsReadyAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A check that throws is a dependency that is not there: not ready, not a 500.
            return false;
        }
    }
}

/// <summary>One thing the bot needs before it can serve: loaded knowledge, a reachable state store…</summary>
public interface IReadinessCheck
{
    string Name { get; }

    Task<bool> IsReadyAsync(CancellationToken cancellationToken);
}
