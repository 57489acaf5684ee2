using System.Globalization;
using System.Text;
using CsCheck;

namespace SecretBot.Bot.Tests.Hardening;

/// <summary>
/// The values a fuzzed activity is made of: what people type and what a broken or hostile client
/// sends instead (unicode of every kind, huge strings, numbers where strings belong, deep nesting),
/// as JSON text so that anything the grammar allows can be written, duplicates and depth included.
/// </summary>
public static class OddValues
{
    private static readonly string[] Typed =
    [
        "bonjour", "aide", "help", "annuler", "cancel", "recommencer", "retour", "back", "langue", "pays", "english",
        "FR", "BE", "oui", "non", "1", "2", "autre question", "un policier m'appelle pour l'adresse d'un jeune",
        "puis-je en parler à l'école ?", "je suis aide familiale, suis-je tenue au secret ?", "urgent, un enfant est en danger ce soir",
        "<at>SecretBot</at> aide", "<at>SecretBot</at>", "85.07.30-033.28", "1 85 07 30 033 282 21", "jean.dupont@example.org",
        "+32 470 12 34 56", "rue de la Loi 16, 1000 Bruxelles", "né le 12/03/2009", "",
    ];

    private static readonly string[] Unicode =
    [
        "é à ç œ Œ ß ẞ İ ı ǅ", "🙂👩‍👩‍👧‍👦🏳️‍🌈", "\u202Eevil\u202C", "\u200B\u200D\uFEFF\u2060", "\u0000", "\uFFFF\uFFFE", "𝕊𝕖𝕔𝕣𝕖𝕥",
        "مرحبا بالعالم", "日本語のテキスト", "\r\n\t\f\b", "Z\u0351\u036B\u0343\u036A\u0302\u036B\u033D\u034F\u0334", "\uD800", "\uDFFF\uD800",
        "a\u0301\u0301\u0301\u0301", "\u202E\u202D", "<script>alert(1)</script>", "'; DROP TABLE x; --", "${jndi:ldap://127.0.0.1/x}", "%s%n%x", "{{7*7}}",
    ];

    /// <summary>Text as a person or a broken client might send it.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (5, Gen.OneOf(Typed)),
        (3, Gen.String),
        (2, Gen.OneOf(Unicode)),
        (1, Gen.Char.Array[0, 300].Select(chars => new string(chars))),
        (1, Gen.Select(Gen.OneOf(Unicode), Gen.Int[2, 2_000], (piece, times) => string.Concat(Enumerable.Repeat(piece, times)))),
        (1, Gen.Select(Gen.Char['!', '~'], Gen.Int[1_000, 300_000], (c, length) => new string(c, length))));

    /// <summary>A JSON value of any type, as text: strings, numbers that do not fit, arrays, objects, deep nesting.</summary>
    public static readonly Gen<string> Json = Value(depth: 2);

    /// <summary>Conversation ids: Teams-shaped, empty, huge, path-like, control characters, or no string at all.</summary>
    public static readonly Gen<string> ConversationId = Gen.Frequency(
        (4, Gen.OneOf("19:abc123@thread.tacv2;messageid=1700000000000", "a:1Xyz-_.~!*'();:@&=+$,/?#[]", "../../etc/passwd", "%2F%2E%2E%2F",
            "conv\nid", "conv\u0000id", "🙂", "\u202Econv", " ", "", "null", "29:1abc", "conv id with spaces").Select(Quote)),
        (2, Text.Select(Quote)),
        (1, Gen.Int[5_000, 20_000].Select(length => Quote(new string('c', length)))),
        (1, Gen.OneOf("42", "true", "null", "{}", "[]", "[\"a\"]", "{\"id\":\"nested\"}", "-1e308")));

    /// <summary>Activity types as channels spell them, and as they should not.</summary>
    public static readonly Gen<string> ActivityType = Gen.OneOf(
        "message", "MESSAGE", "Message", "invoke", "INVOKE", "conversationUpdate", "installationUpdate", "typing", "event", "messageReaction",
        "messageUpdate", "messageDelete", "endOfConversation", "deleteUserData", "trace", "handoff", "unknown", "", " ", "message\u0000",
        "message ").Select(Quote);

    /// <summary>Invoke names SecretBot handles, others Teams sends, and nonsense.</summary>
    public static readonly Gen<string> InvokeName = Gen.OneOf(
        "adaptiveCard/action", "ADAPTIVECARD/ACTION", "composeExtension/query", "composeExtension/querySettingUrl", "composeExtension/selectItem",
        "composeExtension/fetchTask", "task/fetch", "task/submit", "signin/verifyState", "signin/tokenExchange", "fileConsent/invoke",
        "actionableMessage/executeAction", "healthCheck", "", "adaptiveCard/action/../x").Select(Quote);

    /// <summary>A JSON string literal for any .NET string, lone surrogates included (escaped, as the grammar allows).</summary>
    public static string Quote(string text)
    {
        var json = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c < 0x20 || c == '"' || c == '\\' || char.IsSurrogate(c))
            {
                json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                json.Append(c);
            }
        }

        return json.Append('"').ToString();
    }

    private static Gen<string> Value(int depth)
    {
        var scalar = Gen.Frequency(
            (4, Text.Select(Quote)),
            (2, Gen.Long.Select(n => n.ToString(CultureInfo.InvariantCulture))),
            (1, Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "1e999")),
            (1, Gen.OneOf("true", "false", "null", "0", "-0", "1e400", "-1e400", "0.000000000000000000001", "123456789012345678901234567890")));
        if (depth == 0)
        {
            return scalar;
        }

        var inner = Value(depth - 1);
        return Gen.Frequency(
            (6, scalar),
            (1, inner.Array[0, 5].Select(items => $"[{string.Join(',', items)}]")),
            (1, Gen.Select(Text.Array[0, 5], inner.Array[5], (keys, values) =>
                "{" + string.Join(',', keys.Select((key, i) => $"{Quote(key)}:{values[i]}")) + "}")),
            (1, Gen.Select(Gen.Int[10, 2_000], Gen.Bool, (levels, asArrays) => asArrays
                ? new string('[', levels) + new string(']', levels)
                : string.Concat(Enumerable.Repeat("{\"a\":", levels)) + "1" + new string('}', levels))));
    }
}
