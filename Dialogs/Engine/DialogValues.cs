using System.Text.RegularExpressions;

namespace SecretBot.Dialogs.Engine;

/// <summary>
/// What a dialog may keep between turns: ids (of choices, dialogs, topics), small numbers, flags.
/// There is deliberately no way to keep free text: an id must look like an id, and what a person
/// types never does once it has a space, and is never handed to this class anyway.
/// </summary>
public sealed partial class DialogValues
{
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);

    public IEnumerable<KeyValuePair<string, object>> All => _values;

    public bool Contains(string key) => _values.ContainsKey(key);

    public string? GetId(string key) => _values.TryGetValue(key, out var value) ? value as string : null;

    public int? GetInt(string key) => _values.TryGetValue(key, out var value) && value is int number ? number : null;

    public bool GetFlag(string key) => _values.TryGetValue(key, out var value) && value is true;

    public IReadOnlyList<int> GetInts(string key) =>
        _values.TryGetValue(key, out var value) && value is List<int> list ? list : [];

    public DialogValues SetId(string key, string id)
    {
        if (!IdPattern().IsMatch(id))
        {
            throw new ArgumentException($"'{key}' must hold an id (letters, digits, _ . : -; at most 80), not free text.", nameof(id));
        }

        _values[CheckKey(key)] = id;
        return this;
    }

    public DialogValues SetInt(string key, int value)
    {
        _values[CheckKey(key)] = value;
        return this;
    }

    public DialogValues SetFlag(string key, bool value)
    {
        _values[CheckKey(key)] = value;
        return this;
    }

    public DialogValues SetInts(string key, IEnumerable<int> values)
    {
        _values[CheckKey(key)] = values.ToList();
        return this;
    }

    public bool Remove(string key) => _values.Remove(key);

    public void Clear() => _values.Clear();

    internal void SetRaw(string key, object value) => _values[key] = value;

    private static string CheckKey(string key) =>
        IdPattern().IsMatch(key) ? key : throw new ArgumentException($"'{key}' is not a valid value name.", nameof(key));

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,80}$")]
    private static partial Regex IdPattern();
}
