using System.Text.Json;
using System.Text.Json.Nodes;
using SecretBot.Cards.Catalog;
using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;
using SecretBot.Knowledge.Model;
using SecretBot.Knowledge.Search;
using SecretBot.Protocol.Schema;

namespace SecretBot.Conversations.Search;

/// <summary>
/// The message extension's search (<c>composeExtension/query</c>): the best look-up cards for the
/// words typed in the compose box, each with a hero preview; with no words, the urgent reflexes and
/// the most asked definitions. Everything is in memory, well within Teams' 5 seconds. The cards are
/// the shared form: they go into a chat, so they carry a link to the bot, not its buttons.
/// </summary>
public sealed class SearchExtension(KnowledgeBase knowledge, KnowledgeSearch search, Protocol.Configuration.BotCredentials credentials)
{
    /// <summary>Teams' deep link to the bot's personal chat (the bot's id with Teams' « 28: » prefix); none when the bot runs anonymously.</summary>
    private readonly Uri? _botChat = credentials.IsAnonymous ? null
        : new Uri($"https://teams.microsoft.com/l/chat/0/0?users=28:{Uri.EscapeDataString(credentials.AppId!)}");

    public const string QueryInvoke = "composeExtension/query";

    /// <summary>Teams' search box is one short line: longer queries are cut before they are searched.</summary>
    public const int MaxQueryChars = 200;
    private const int DefaultCount = 5;
    private static readonly string[] MostUseful = ["urgent", "master-of-secret", "release", "what-secret-covers", "discretion"];

    public InvokeResponse Answer(Activity activity, Language language, Jurisdiction jurisdiction)
    {
        var (query, count) = Read(activity.Value);
        var sources = knowledge[jurisdiction];
        var lookups = string.IsNullOrWhiteSpace(query)
            ? sources.Lookups.OrderBy(l => Rank(l)).Take(count)
            : search.Search(jurisdiction, query, max: 10).Where(h => h.Kind == HitKind.Lookup)
                .Select(h => sources.Lookups.First(l => l.Id == h.Id)).Take(count);
        var texts = TextCatalog.For(language);
        var attachments = new JsonArray(lookups.Select(lookup => (JsonNode)new JsonObject
        {
            ["contentType"] = AdaptiveCard.ContentType,
            // Dropped into a chat where nobody talks to the bot: no dialog button, a link to its personal chat instead.
            ["content"] = LookupCard.Shared(texts, lookup, sources, knowledge.Version, _botChat).ToJsonObject(),
            ["preview"] = new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.card.hero",
                ["content"] = new JsonObject { ["title"] = lookup.Title.In(language), ["text"] = lookup.Body.In(language) },
            },
        }).ToArray());
        return new InvokeResponse(200, new JsonObject
        {
            ["composeExtension"] = new JsonObject { ["type"] = "result", ["attachmentLayout"] = "list", ["attachments"] = attachments },
        });
    }

    private static int Rank(Lookup lookup) =>
        lookup.Kind == LookupKind.Urgent ? 0 : MostUseful.Any(m => lookup.Id.EndsWith(m, StringComparison.Ordinal)) ? 1 : 2;

    private static (string? Query, int Count) Read(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v)
        {
            return (null, DefaultCount);
        }

        string? query = null;
        if (v.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Array)
        {
            query = parameters.EnumerateArray()
                .Where(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("value", out var text) && text.ValueKind == JsonValueKind.String
                            && !(p.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String && name.ValueEquals("initialRun")))
                .Select(p => p.GetProperty("value").GetString())
                .FirstOrDefault();
        }

        var count = v.TryGetProperty("queryOptions", out var options) && options.ValueKind == JsonValueKind.Object
                    && options.TryGetProperty("count", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n)
                    && n is > 0 and <= 25
            ? n
            : DefaultCount;
        return (query is { Length: > MaxQueryChars } ? query[..MaxQueryChars] : query, count);
    }
}
