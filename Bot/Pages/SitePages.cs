using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SecretBot.Dialogs.State;

namespace SecretBot.Bot.Pages;

/// <summary>
/// The pages the Teams manifest links to (<c>/</c>, <c>/privacy</c>, <c>/terms</c>), in French and
/// English: HTML templates in <c>Pages/Content</c> (one per page and language, one shared layout,
/// the few words around them in <c>site.json</c>), filled once at start with the organisation and
/// how long the state store keeps what it keeps. Nothing is fetched from elsewhere.
/// </summary>
public sealed partial class SitePages
{
    public static readonly IReadOnlyList<string> Languages = ["fr", "en"];
    public static readonly IReadOnlyList<string> Names = ["home", "privacy", "terms"];

    private readonly Dictionary<(string Page, string Language), byte[]> _rendered = [];

    public SitePages(Organization organization, StateOptions state)
    {
        var site = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(Read("site.json"))!;
        var layout = Read("layout.html");
        foreach (var language in Languages)
        {
            var words = site[language];
            var values = new Dictionary<string, string>(words.Select(w => KeyValuePair.Create(w.Key, Encode(w.Value))))
            {
                ["lang"] = language,
                ["otherLang"] = Languages.Single(other => other != language),
                ["organization"] = Encode(organization.Name ?? words["organization"]),
                ["contact"] = organization.ContactLink is { } link
                    ? $"<a href=\"{Encode(link.AbsoluteUri)}\">{Encode(organization.Contact)}</a>"
                    : Encode(words["contact"]),
                ["preferencesTtl"] = Duration(state.UserTtl, words),
                ["conversationTtl"] = Duration(state.ConversationTtl, words),
            };
            foreach (var page in Names)
            {
                var main = Fill(Read($"{page}.{language}.html"), values).Trim();
                values["main"] = main;
                values["title"] = Heading().Match(main).Groups[1].Value;
                _rendered[(page, language)] = Encoding.UTF8.GetBytes(Fill(layout, values));
            }
        }
    }

    /// <summary>A page as UTF-8 HTML.</summary>
    public ReadOnlyMemory<byte> Render(string page, string language) => _rendered[(page, language)];

    /// <summary><c>?lang=fr|en</c> first, then the browser's Accept-Language; French by default.</summary>
    public static string LanguageOf(HttpRequest request)
    {
        var asked = request.Query["lang"].ToString().Trim().ToLowerInvariant();
        if (Languages.Contains(asked))
        {
            return asked;
        }

        var accepted = request.GetTypedHeaders().AcceptLanguage
            .Where(range => range.Quality is not 0)
            .OrderByDescending(range => range.Quality ?? 1);
        foreach (var range in accepted)
        {
            var primary = range.Value.Value?.Split('-')[0].ToLowerInvariant();
            if (primary is not null && Languages.Contains(primary))
            {
                return primary;
            }
        }

        return Languages[0];
    }

    /// <summary>Only what HTML needs escaped: accented letters stay as they are in UTF-8.</summary>
    private static string Encode(string? text) => (text ?? "")
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);

    private static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, match => values.TryGetValue(match.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"No value for {match.Value} in the site pages."));

    /// <summary>"90 jours", "30 minutes", "1 hour": whole days, else whole hours, else minutes.</summary>
    private static string Duration(TimeSpan span, IReadOnlyDictionary<string, string> words)
    {
        var (count, unit) = span.Ticks % TimeSpan.TicksPerDay == 0 ? ((long)span.TotalDays, "day")
            : span.Ticks % TimeSpan.TicksPerHour == 0 ? ((long)span.TotalHours, "hour")
            : (Math.Max(1, (long)Math.Round(span.TotalMinutes)), "minute");
        return $"{count} {words[count == 1 ? unit : unit + "s"]}";
    }

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SecretBot.Pages." + name)
                           ?? throw new InvalidOperationException($"The site page {name} is not embedded in the bot.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{\{(\w+)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("<h1>(.*?)</h1>")]
    private static partial Regex Heading();
}
