using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecretBot.Cards.Model;

/// <summary>
/// Cards kept as their JSON under a key that names everything they are drawn from, so that a card
/// many people get (a question, an answer, the urgent reflexes: they depend on the knowledge and the
/// language, never on who asks) is drawn and serialised once rather than at every turn. Each caller
/// gets its own node, parsed from the kept bytes: nodes are mutable and belong to one parent. Past
/// its capacity the memo keeps nothing more, and cards are drawn each time as before.
/// </summary>
public sealed class CardMemo(int capacity = 1024)
{
    private readonly ConcurrentDictionary<string, Drawn> _cards = new(StringComparer.Ordinal);

    /// <summary>The key's card, drawn by <paramref name="draw"/> the first time; the same JSON as <see cref="AdaptiveCard.ToJsonObject"/>.</summary>
    public (string FallbackText, JsonObject Json) Get(string key, Func<AdaptiveCard> draw)
    {
        if (!_cards.TryGetValue(key, out var drawn))
        {
            var card = draw();
            drawn = new Drawn(card.FallbackText, JsonSerializer.SerializeToUtf8Bytes(card.ToJsonObject(), CardJson.Options));
            if (_cards.Count < capacity)
            {
                _cards.TryAdd(key, drawn);
            }
        }

        return (drawn.FallbackText, JsonNode.Parse(drawn.Json)!.AsObject());
    }

    /// <summary>A key from the parts a card is drawn from (texts included, so that different wording never shares a card).</summary>
    public static string Key(params IEnumerable<object?> parts) => string.Join('\u001f', parts);

    private sealed record Drawn(string FallbackText, byte[] Json);
}
