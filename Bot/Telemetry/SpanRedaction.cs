using System.Collections.Frozen;
using System.Diagnostics;
using OpenTelemetry;
using SecretBot.Bot.Hosting;

namespace SecretBot.Bot.Telemetry;

/// <summary>
/// The last word on every span before it is exported. The bot's own spans carry only closed lists
/// (activity type, outcome, operation); ASP.NET Core's and HttpClient's carry whatever the request
/// had, and a connector URL names the conversation and the activity
/// (<c>/v3/conversations/{id}/activities/{id}</c>). Those keep only what says how the call went: the
/// method, the status, the route template, the host and port. It runs when the span ends, after the
/// runtime's native instrumentation (.NET 9+) and the instrumentation libraries' enrichment have
/// set their tags, and before the exporters read them.
/// </summary>
internal sealed class SpanRedaction : BaseProcessor<Activity>
{
    private static readonly FrozenSet<string> Kept = FrozenSet.ToFrozenSet(
    [
        "http.request.method", "http.response.status_code", "http.route", "url.scheme", "server.address", "server.port",
        "network.protocol.version", "error.type",
    ], StringComparer.Ordinal);

    public override void OnEnd(Activity span)
    {
        // A caller's tracestate is its own text, carried into every child span: not ours to export.
        span.TraceStateString = null;
        if (span.Source.Name == TelemetryServices.SecretBot)
        {
            return;
        }

        var method = span.GetTagItem("http.request.method") as string;
        var route = span.GetTagItem("http.route") as string;
        var path = span.GetTagItem("url.path") as string;
        List<string>? dropped = null;
        foreach (var tag in span.TagObjects)
        {
            if (!Kept.Contains(tag.Key))
            {
                (dropped ??= []).Add(tag.Key);
            }
        }

        foreach (var key in dropped ?? [])
        {
            span.SetTag(key, null);
        }

        // A path that is its route (/api/messages) says no more than the route, and lets Azure Monitor show a URL.
        if (route is not null && path == route)
        {
            span.SetTag("url.path", path);
        }

        // Named by method and route only; an exception's message may quote a URL, so the status keeps its code alone.
        span.DisplayName = span.Kind == ActivityKind.Server && route is not null ? $"{method ?? "HTTP"} {route}" : method ?? "HTTP";
        if (span.StatusDescription is not null)
        {
            span.SetStatus(span.Status);
        }
    }
}
