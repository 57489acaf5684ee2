using System.Text;
using System.Text.RegularExpressions;

namespace SecretBot.Bench.Load;

/// <summary>The parts of an activity that change from one request to the next.</summary>
public enum Slot { ActivityId, ConversationId, UserId, ReplyToId, Timestamp }

/// <summary>
/// An activity's JSON with slots (<c>@@Name@@</c> inside its strings), cut once into UTF-8 pieces so
/// that each request costs the load generator a copy, not a serialisation.
/// </summary>
public sealed partial class ActivityTemplate
{
    private readonly byte[][] _literals;
    private readonly Slot[] _slots;

    public ActivityTemplate(string json)
    {
        var literals = new List<byte[]>();
        var slots = new List<Slot>();
        var at = 0;
        foreach (Match match in SlotPattern().Matches(json))
        {
            literals.Add(Encoding.UTF8.GetBytes(json[at..match.Index]));
            slots.Add(Enum.Parse<Slot>(match.Groups[1].Value));
            at = match.Index + match.Length;
        }

        literals.Add(Encoding.UTF8.GetBytes(json[at..]));
        _literals = [.. literals];
        _slots = [.. slots];
    }

    public static string Mark(Slot slot) => $"@@{slot}@@";

    /// <summary>The activity with each slot filled; values are ids and timestamps, so they need no JSON escaping.</summary>
    public byte[] Render(ReadOnlySpan<string?> values)
    {
        var length = 0;
        foreach (var literal in _literals)
        {
            length += literal.Length;
        }

        foreach (var slot in _slots)
        {
            length += Encoding.UTF8.GetByteCount(values[(int)slot] ?? "");
        }

        var bytes = new byte[length];
        var written = 0;
        for (var i = 0; i < _slots.Length; i++)
        {
            _literals[i].CopyTo(bytes, written);
            written += _literals[i].Length;
            written += Encoding.UTF8.GetBytes(values[(int)_slots[i]] ?? "", bytes.AsSpan(written));
        }

        _literals[^1].CopyTo(bytes, written);
        return bytes;
    }

    [GeneratedRegex("@@([A-Za-z]+)@@")]
    private static partial Regex SlotPattern();
}
