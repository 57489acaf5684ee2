namespace SecretBot.Cards.Model;

/// <summary>
/// Guards used by the model's constructors: a card that Teams would render badly (an empty text,
/// a button without a title, an image without alternative text) must not be expressible at all.
/// </summary>
internal static class Require
{
    public static string Text(string? value, string name) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException($"{name} must be a non-blank text.", name)
            : value;

    public static IReadOnlyList<T> Some<T>(IEnumerable<T>? items, string name, int max = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(items, name);
        var list = items.ToArray();
        if (list.Length == 0)
            throw new ArgumentException($"{name} must hold at least one item.", name);
        if (list.Length > max)
            throw new ArgumentException($"{name} holds {list.Length} items; at most {max} are allowed.", name);
        if (list.Any(item => item is null))
            throw new ArgumentException($"{name} must not hold null items.", name);
        return list;
    }
}
