using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SecretBot.Bot.Tests.Conversations;
using SecretBot.Testing;

namespace SecretBot.Bot.Tests.Hardening;

/// <summary>
/// What the fuzz found, kept as plain cases: each of these once made a turn fail with an exception
/// (logged as an error with its stack trace, the user sent an apology) or logged a stack trace per
/// retry. Each must now be a clean answer or a clean 400.
/// </summary>
public sealed class FuzzFindingsTests : IAsyncLifetime
{
    private readonly CapturingLoggerProvider _logs = new();
    private readonly HttpClient _http = new();
    private LocalConnector _connector = null!;
    private BotHost _bot = null!;
    private TeamsUser _user = null!;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Connector:MaxAttempts"] = "2",
            ["Connector:FirstRetryDelay"] = "00:00:00.001",
        }, logs: _logs);
        _user = new TeamsUser(_bot, _connector, "findings");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    public static TheoryData<string, Func<TeamsUser, Uri, string>> AnsweredCleanly => new()
    {
        // DialogInputs built a JsonObject from the click's data, which throws on a duplicate key.
        { "a click whose data repeats a key", (user, _) => Splice(user.Execute(Button("topic", "topic", "share"), null),
            "\"topic\":\"share\"", "\"topic\":\"share\",\"topic\":\"police\"") },
        // The engine kept a first command's name among the root's options, which hold ids only: a verb of free text threw.
        { "a first click whose verb is free text", (user, _) => Splice(user.Execute(Button("topic", "topic", "share"), null),
            "\"verb\":\"topic\"", "\"verb\":\"yf;?Q.stR[]F`ZU\"") },
        // SearchExtension read a parameter's name and the count without looking at their JSON type.
        { "a search whose parameter name is a number", (user, _) => Splice(user.Search("police"), "\"name\":\"query\"", "\"name\":42") },
        { "a search whose count is a string", (user, _) => Splice(user.Search("police"), "\"count\":5", "\"count\":\"5\"") },
        // string.Normalize throws on the noncharacter U+FFFE, which the JSON parser lets through.
        { "a message holding U+FFFE", (user, _) => Splice(user.Typed("aide"), "\"text\":\"aide\"", "\"text\":\"aide \\ufffe\"") },
        // Replying without a serviceUrl threw InvalidOperationException: a failed turn, with its stack trace.
        { "the bot added to a conversation that names no serviceUrl", (user, _) =>
        {
            var added = Activities.Recorded("conversationUpdate");
            added.Remove("serviceUrl");
            added["conversation"]!["id"] = user.ConversationId;
            return added.ToJsonString();
        } },
        // MentionText read each entity's type, WelcomeOnce each added member's id: a null item threw.
        { "a message whose entities hold a null", (user, _) => Splice(user.Typed("aide"), "\"entities\":[", "\"entities\":[null,") },
        { "the bot added with a null among the members", (user, _) =>
        {
            var added = Activities.Recorded("conversationUpdate");
            added["serviceUrl"] = user.Typed("")["serviceUrl"]!.DeepClone();
            added["conversation"]!["id"] = user.ConversationId;
            return Splice(added, "\"membersAdded\":[", "\"membersAdded\":[null,");
        } },
        // A connector that refuses a reply for good (404 here) makes an undelivered turn, not a failed one.
        { "a serviceUrl on a path the connector does not serve", (user, connector) =>
        {
            var message = user.Typed("bonjour");
            message["serviceUrl"] = new Uri(connector, "nowhere/").AbsoluteUri;
            return message.ToJsonString();
        } },
    };

    [Theory]
    [MemberData(nameof(AnsweredCleanly))]
    public async Task OnceAFailedTurnNowAnsweredCleanly(string finding, Func<TeamsUser, Uri, string> activity)
    {
        var status = await PostAsync(activity(_user, _connector.ServiceUrl));

        Assert.True(status == HttpStatusCode.OK, $"{finding}: {status}");
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Error || e.Exception is not null);
    }

    [Fact]
    public async Task AStringEscapingHalfASurrogatePairIsRefusedAs400()
    {
        var status = await PostAsync(Splice(_user.Search("police"), "\"value\":\"police\"", "\"value\":\"police \\ud800\""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Error || e.Exception is not null);
    }

    [Fact]
    public async Task RetriedConnectorFailuresLogNoStackTrace()
    {
        _connector.EnqueueFaults(new Fault(503), new Fault(503));

        Assert.Equal(HttpStatusCode.OK, await PostAsync(_user.Typed("bonjour").ToJsonString()));

        Assert.Contains(_logs.Entries, e => e.Message.StartsWith("Turn's replies not delivered", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Entries, e => e.Exception is not null || e.Category.StartsWith("Polly", StringComparison.Ordinal));
    }

    private static JsonObject Button(string verb, string key, string value) =>
        new() { ["verb"] = verb, ["data"] = new JsonObject { [key] = value } };

    /// <summary>The activity as JSON text with one piece replaced: what a JSON tree cannot hold (a repeated key) included.</summary>
    private static string Splice(JsonObject activity, string what, string with)
    {
        var json = activity.ToJsonString();
        Assert.Contains(what, json);
        return json.Replace(what, with, StringComparison.Ordinal);
    }

    private async Task<HttpStatusCode> PostAsync(string json)
    {
        using var response = await _http.PostAsync(_bot.MessagesUrl, new StringContent(json, Encoding.UTF8, "application/json"));
        return response.StatusCode;
    }
}
