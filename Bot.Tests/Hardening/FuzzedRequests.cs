using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using SecretBot.Bot.Tests.Conversations;
using SecretBot.Testing;

namespace SecretBot.Bot.Tests.Hardening;

/// <summary>
/// What the fuzz sends to <c>/api/messages</c>: real activities (the recorded Playground ones and
/// those a Teams user sends: typed and @mentioned messages, Action.Execute invokes and Action.Submit
/// messages for buttons of cards the bot really sent, message-extension queries), mutated or not,
/// and raw bodies (truncated, binary, wrong content types, empty, oversized, chunked, badly
/// encoded). Every serviceUrl is the local connector, a loopback variant of it, or not a usable
/// URL at all.
/// </summary>
public sealed class FuzzedRequests
{
    private const string Json = "application/json";
    private static readonly string[] WrongContentTypes =
    [
        "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/octet-stream",
        "application/jsonp", "json", "application/", "text/json", "*/*", "application/json-patch+json", "APPLICATION/JSON",
        "application/json; charset=latin1", "application/json;;;", "application/problem+json; charset=utf-8",
    ];

    private readonly Uri _serviceUrl;
    private readonly IReadOnlyList<TeamsUser> _users;
    private readonly IReadOnlyList<JsonObject> _buttons;
    private readonly ActivityMutations _mutations;

    /// <param name="users">Simulated users whose conversations the activities belong to (their builders, never their sending).</param>
    /// <param name="buttons">Action.Execute buttons of cards the bot sent, to click with real data.</param>
    public FuzzedRequests(Uri serviceUrl, IReadOnlyList<TeamsUser> users, IReadOnlyList<JsonObject> buttons)
    {
        _serviceUrl = serviceUrl;
        _users = users;
        _buttons = buttons;
        _mutations = new ActivityMutations(SafeServiceUrls(serviceUrl));
    }

    public Gen<FuzzRequest> All => Gen.Frequency((7, Mutated), (3, Raw));

    /// <summary>A real activity with zero to six mutations (often none or one, so that deep paths are reached).</summary>
    public Gen<FuzzRequest> Mutated => Gen.Select(Activity, Gen.Frequency((4, Gen.Const(0)), (4, Gen.Const(1)), (2, Gen.Int[2, 6]))
            .SelectMany(count => _mutations.One.Array[count]),
        (activity, mutations) => new FuzzRequest(mutations.Length == 0 ? "activity" : "mutated activity", "POST", Json,
            _mutations.Apply(activity, mutations)));

    public Gen<FuzzRequest> Raw => Gen.Frequency(
        (3, Gen.Select(ActivityBytes, Gen.Double[0, 1], (bytes, cut) => new FuzzRequest("truncated", "POST", Json, bytes[..(int)(bytes.Length * cut)]))),
        (2, Gen.Byte.Array[1, 4_096].Select(bytes => new FuzzRequest("binary", "POST", Json, bytes))),
        (2, OddValues.Json.Select(json => new FuzzRequest("any JSON value", "POST", Json, Encoding.UTF8.GetBytes(json)))),
        (2, Gen.Select(ActivityBytes, Gen.OneOf(WrongContentTypes), (bytes, type) => new FuzzRequest("content type", "POST", type, bytes))),
        (1, ActivityBytes.Select(bytes => new FuzzRequest("no content type", "POST", null, bytes))),
        (1, Gen.OneOf("", " ", "\r\n", "\t\t").Select(body => new FuzzRequest("empty", "POST", Json, Encoding.UTF8.GetBytes(body)))),
        (1, Gen.Select(Gen.Int[270_000, 600_000], Gen.Bool, (length, chunked) =>
            new FuzzRequest("oversized", "POST", Json, _mutations.Apply(_users[0].Typed(new string('x', length)), []), chunked))),
        (2, ActivityBytes.Select(bytes => new FuzzRequest("chunked", "POST", Json, bytes, Chunked: true))),
        (1, ActivityBytes.Select(bytes => new FuzzRequest("byte order mark", "POST", Json, [0xEF, 0xBB, 0xBF, .. bytes]))),
        (1, ActivityText.Select(json => new FuzzRequest("UTF-16", "POST", "application/json; charset=utf-16", Encoding.Unicode.GetBytes(json)))),
        (1, InvalidUtf8),
        (1, Gen.Select(ActivityBytes, Gen.OneOf("GET", "PUT", "DELETE", "PATCH", "OPTIONS"), (bytes, method) => new FuzzRequest("method", method, Json, bytes))),
        (1, Gen.Select(Gen.Int[100, 100_000], Gen.OneOf("[", "{\"a\":", "[{\"a\":"), (times, opening) =>
            new FuzzRequest("deep", "POST", Json, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(opening, times)))))),
        (1, Gen.Int[1_000, 20_000].Select(keys => new FuzzRequest("wide", "POST", Json, Encoding.UTF8.GetBytes(
            "{\"type\":\"message\",\"conversation\":{\"id\":\"wide\"},\"serviceUrl\":\"" + _serviceUrl.AbsoluteUri + "\","
            + string.Join(',', Enumerable.Range(0, keys).Select(k => $"\"k{k}\":{k}")) + "}")))));

    /// <summary>
    /// Where the bot may be told to reply: the local connector as Teams would spell it and as nobody
    /// would (other case, no slash, other loopback spellings, a path it does not serve, TLS it does not
    /// speak), and what is no usable http(s) URL at all. Never another host, never another port.
    /// </summary>
    public static Gen<string> SafeServiceUrls(Uri connector)
    {
        var url = connector.AbsoluteUri;
        var port = connector.Port;
        string[] loopback =
        [
            url, url.TrimEnd('/'), url.ToUpperInvariant(), $"http://localhost:{port}/", $"http://LOCALHOST:{port}", $"http://127.1:{port}/",
            $"http://2130706433:{port}/", $"http://[::1]:{port}/", $"{url}_connector/", $"{url}?x=1", $"{url}#fragment",
            $"http://user:password@127.0.0.1:{port}/", $"https://127.0.0.1:{port}/", $"{url}%2e%2e/", $"{url}é/", $"{url}v3/",
            url + new string('a', 5_000) + "/",
        ];
        string[] unusable =
        [
            "", " ", "not a url", "ftp://127.0.0.1/", "file:///etc/passwd", "javascript:alert(1)", $"//127.0.0.1:{port}/", "/relative/path",
            "http://", "http:///", $"127.0.0.1:{port}", "mailto:bot@example.org", "data:text/plain,hi", "\u0000", "🙂", "urn:isbn:0451450523",
            "ldap://127.0.0.1/",
        ];
        return Gen.Frequency(
            (3, Gen.OneOf(loopback).Select(OddValues.Quote)),
            (2, Gen.OneOf(unusable).Select(OddValues.Quote)),
            (1, Gen.OneOf("42", "null", "true", "{}", "[]", "[\"http://127.0.0.1/\"]")));
    }

    private Gen<JsonObject> Activity => Gen.Select(Gen.Int[0, _users.Count - 1], Gen.Int[0, 9], OddValues.Text, Gen.Int[0, _buttons.Count - 1],
        (u, kind, text, b) =>
        {
            var user = _users[u];
            var button = _buttons[b];
            return kind switch
            {
                0 or 1 => user.Typed(text),
                2 => user.Mentioning(text),
                3 => user.Search(text),
                4 or 5 => user.Execute(button, $"card-{b}"),
                6 when button["fallback"]?["data"] is not null => user.Submit(button, $"card-{b}"),
                7 => Recorded(b % 2 == 0 ? "installationUpdate" : "conversationUpdate", user),
                8 => Recorded("message", user, b % 2 == 0 ? "text" : "value"),
                _ => Recorded("invoke", user),
            };
        });

    private Gen<byte[]> ActivityBytes => Activity.Select(activity => _mutations.Apply(activity, []));

    private Gen<string> ActivityText => ActivityBytes.Select(Encoding.UTF8.GetString);

    private Gen<FuzzRequest> InvalidUtf8 => Gen.Select(Gen.Int[0, _users.Count - 1], Gen.Byte.Array[1, 16], (u, bytes) =>
    {
        var text = _mutations.Apply(_users[u].Typed("@@@"), []);
        var at = text.AsSpan().IndexOf("@@@"u8);
        return new FuzzRequest("invalid UTF-8", "POST", Json, [.. text[..at], 0xFF, 0xC3, 0x28, 0xED, 0xA0, 0x80, .. bytes, .. text[(at + 3)..]]);
    });

    /// <summary>A recorded Playground activity moved into this user's conversation and onto the local connector.</summary>
    private JsonObject Recorded(string type, TeamsUser user, string? having = null)
    {
        var activity = Activities.Recorded(type, a => having is null || a[having] is not null);
        activity["id"] = Guid.NewGuid().ToString();
        activity["serviceUrl"] = _serviceUrl.AbsoluteUri;
        activity["conversation"]!["id"] = user.ConversationId;
        return activity;
    }
}
