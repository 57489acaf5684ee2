using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SecretBot.Testing;

namespace SecretBot.Bot.Tests.Conversations;

/// <summary>
/// A person in Teams, talking to the real bot over HTTP: types messages, clicks card buttons the
/// way Teams sends them (an <c>adaptiveCard/action</c> invoke for Action.Execute, a message with a
/// value for the Action.Submit fallback), and reads what the bot sent through the local connector.
/// The activities it sends can also be built without sending them (for the fuzz). Every card it
/// receives — a message, a card update, an invoke's answer, a search result — must pass
/// <see cref="Cards.Tests.CardAssertions"/>: the schema, the phone's budget, the typography.
/// </summary>
public sealed class TeamsUser(BotHost bot, LocalConnector connector, string conversationId, string locale = "fr-BE",
    string conversationType = "personal", string? userId = null)
{
    // One person per conversation unless a test says otherwise: preferences (country, language) are a person's.
    private readonly string _userId = userId ?? $"user-{conversationId}";

    private readonly HttpClient _http = new();
    private readonly List<string> _sent = [];
    private int _seen;

    public string ConversationId { get; } = conversationId;

    /// <summary>The display name Teams sends in <c>from.name</c>; the recorded fixture's when null.</summary>
    public string? UserName { get; init; }

    /// <summary>The Teams tenant the activities come from; the recorded fixture's when null.</summary>
    public string? Tenant { get; init; }

    /// <summary>What the bot delivered since the last call (messages and card updates), in order; refused attempts are not replies.</summary>
    public IReadOnlyList<ConnectorRequest> NewReplies()
    {
        var mine = Delivered();
        var fresh = mine.Skip(_seen).ToList();
        _seen = mine.Count;
        foreach (var card in fresh.Select(reply => reply.Card()).OfType<JsonObject>())
        {
            Cards.Tests.CardAssertions.AssertValid(card);
        }

        return fresh;
    }

    /// <summary>Every message and card update the bot delivered to this conversation, in order.</summary>
    public IReadOnlyList<ConnectorRequest> Delivered()
    {
        // The whole path segment: conversation "c-1" must not collect the replies of "c-10".
        var segment = $"/conversations/{Uri.EscapeDataString(ConversationId)}/";
        return connector.Activities.Where(a => a.RawPath.Contains(segment, StringComparison.Ordinal) && a.Type == "message" && a.Answered < 300)
            .ToList();
    }

    /// <summary>The ids of the activities this user sent, in order.</summary>
    public IReadOnlyList<string> Sent => _sent;

    public async Task<IReadOnlyList<ConnectorRequest>> SayAsync(string text)
    {
        await PostAsync(Typed(text));
        return NewReplies();
    }

    public async Task<IReadOnlyList<ConnectorRequest>> MentionAsync(string text)
    {
        await PostAsync(Mentioning(text));
        return NewReplies();
    }

    /// <summary>Picks the country once, as the jurisdiction picker's button does ("be" or "fr"); the bot remembers it.</summary>
    public async Task<TeamsUser> ChoosesCountryAsync(string code)
    {
        await ExecuteAsync(new JsonObject { ["verb"] = "jurisdiction", ["data"] = new JsonObject { ["jurisdiction"] = code } }, null);
        NewReplies();
        return this;
    }

    /// <summary>Types into the message extension's search box.</summary>
    public async Task<JsonObject> SearchAsync(string? query)
    {
        var response = await PostAsync(Search(query));
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        foreach (var card in (result["composeExtension"]?["attachments"]?.AsArray() ?? []).Select(a => a?["content"]).OfType<JsonObject>())
        {
            Cards.Tests.CardAssertions.AssertValid(card);
        }

        return result;
    }

    /// <summary>Clicks a button as Teams does for Action.Execute; returns the invoke's JSON answer.</summary>
    public async Task<JsonObject> ExecuteAsync(JsonObject button, string? cardMessageId)
    {
        var response = await PostAsync(Execute(button, cardMessageId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        if ((string?)answer["type"] == "application/vnd.microsoft.card.adaptive" && answer["value"] is JsonObject card)
        {
            Cards.Tests.CardAssertions.AssertValid(card);
        }

        return answer;
    }

    /// <summary>Clicks a button's Action.Submit fallback, as older clients do: a message whose value is the data.</summary>
    public Task SubmitAsync(JsonObject button, string? cardMessageId) => PostAsync(Submit(button, cardMessageId));

    public JsonObject Typed(string text)
    {
        var activity = Base("message");
        activity["text"] = text;
        return activity;
    }

    /// <summary>A channel message that @mentions the bot, as Teams sends it: the mention markup in the text and as an entity.</summary>
    public JsonObject Mentioning(string text)
    {
        var activity = Base("message");
        var botId = activity["recipient"]!["id"]!.GetValue<string>();
        activity["text"] = $"<at>SecretBot</at> {text}";
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = botId, ["name"] = "SecretBot" },
            ["text"] = "<at>SecretBot</at>",
        });
        return activity;
    }

    public JsonObject Search(string? query)
    {
        var invoke = Base("invoke");
        invoke["name"] = "composeExtension/query";
        invoke["value"] = new JsonObject
        {
            ["commandId"] = "search",
            ["parameters"] = new JsonArray(new JsonObject { ["name"] = "query", ["value"] = query ?? "" }),
            ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 5 },
        };
        return invoke;
    }

    public JsonObject Execute(JsonObject button, string? cardMessageId)
    {
        var invoke = Base("invoke");
        invoke["name"] = "adaptiveCard/action";
        invoke["replyToId"] = cardMessageId;
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = button["verb"]!.GetValue<string>(),
                ["data"] = button["data"]?.DeepClone(),
            },
        };
        return invoke;
    }

    public JsonObject Submit(JsonObject button, string? cardMessageId)
    {
        var message = Base("message");
        message["replyToId"] = cardMessageId;
        message["value"] = button["fallback"]!["data"]!.DeepClone();
        return message;
    }

    private JsonObject Base(string type)
    {
        var activity = Activities.Recorded("message", a => a["text"] is not null);
        activity.Remove("text");
        activity["type"] = type;
        activity["id"] = Guid.NewGuid().ToString();
        activity["serviceUrl"] = connector.ServiceUrl.AbsoluteUri;
        activity["conversation"]!["id"] = ConversationId;
        activity["conversation"]!["conversationType"] = conversationType;
        activity["from"]!["id"] = _userId;
        if (UserName is not null)
            activity["from"]!["name"] = UserName;
        if (Tenant is not null)
        {
            activity["conversation"]!["tenantId"] = Tenant;
            activity["channelData"]!["tenant"]!["id"] = Tenant;
        }

        activity["locale"] = locale;
        return activity;
    }

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        _sent.Add(activity["id"]!.GetValue<string>());
        var response = await _http.PostAsync(bot.MessagesUrl, new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{activity["type"]}: {response.StatusCode}");
        return response;
    }
}

/// <summary>Reading the cards the bot sent through the connector.</summary>
public static class SentReplies
{
    public static JsonObject? Card(this ConnectorRequest reply) =>
        reply.Body?["attachments"]?[0]?["content"]?.AsObject();
}
