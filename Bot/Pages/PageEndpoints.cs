using Microsoft.Extensions.Configuration;

namespace SecretBot.Bot.Pages;

/// <summary><c>/</c>, <c>/privacy</c> and <c>/terms</c>: the links of the Teams manifest, served by the bot itself.</summary>
public static class PageEndpoints
{
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static IServiceCollection AddPages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(Organization.From(configuration));
        services.AddSingleton<SitePages>();
        return services;
    }

    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder routes)
    {
        // Rendered now, at start: a template that cannot be filled stops the start, not a visitor.
        var pages = routes.ServiceProvider.GetRequiredService<SitePages>();
        routes.MapMethods("/", GetOrHead, (HttpContext http) => ServeAsync(http, pages, "home"));
        routes.MapMethods("/privacy", GetOrHead, (HttpContext http) => ServeAsync(http, pages, "privacy"));
        routes.MapMethods("/terms", GetOrHead, (HttpContext http) => ServeAsync(http, pages, "terms"));
        return routes;
    }

    private static async Task ServeAsync(HttpContext http, SitePages pages, string page)
    {
        var language = SitePages.LanguageOf(http.Request);
        var body = pages.Render(page, language);
        var headers = http.Response.Headers;
        headers.ContentType = "text/html; charset=utf-8";
        headers.ContentLanguage = language;
        headers.Vary = "Accept-Language";
        headers.CacheControl = "public, max-age=3600";
        // Plain pages: nothing to load from elsewhere, no script, not to be framed.
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        http.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await http.Response.Body.WriteAsync(body, http.RequestAborted);
        }
    }
}
