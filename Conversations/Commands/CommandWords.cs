using System.Text.Json;
using SecretBot.Knowledge.Search;

namespace SecretBot.Conversations.Commands;

/// <summary>
/// The words people type for a command ("aide", "retour", "pays"…) and for yes and no, from the
/// embedded <c>words.json</c>, compared through the one normaliser (<see cref="FrenchText"/>).
/// </summary>
public sealed class CommandWords
{
    private const string ResourceName = "SecretBot.Conversations.Commands.words.json";

    private CommandWords(IReadOnlyDictionary<string, HashSet<string>> commands, HashSet<string> yes, HashSet<string> no)
    {
        Commands = commands;
        Yes = yes;
        No = no;
    }

    /// <summary>Each command's name (the event it raises) and the normalised forms that say it.</summary>
    public IReadOnlyDictionary<string, HashSet<string>> Commands { get; }

    public HashSet<string> Yes { get; }

    public HashSet<string> No { get; }

    /// <summary>The command a whole message says, if any.</summary>
    public string? CommandIn(string? text)
    {
        var said = FrenchText.Normalize(text);
        return said.Length == 0 ? null : Commands.FirstOrDefault(command => command.Value.Contains(said)).Key;
    }

    /// <summary>Whether a typed reply says yes ("oui", "ok", "c'est ça"…).</summary>
    public bool IsYes(string? text) => Yes.Contains(FrenchText.Normalize(text));

    public static CommandWords Load()
    {
        using var stream = typeof(CommandWords).Assembly.GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"{ResourceName} is not embedded in the Conversations assembly.");
        var file = JsonSerializer.Deserialize<WordsFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
                   ?? throw new InvalidOperationException($"{ResourceName} is empty.");
        return new CommandWords(
            file.Commands.ToDictionary(c => c.Key, c => Forms(c.Value.Append(c.Key)), StringComparer.Ordinal),
            Forms(file.Yes),
            Forms(file.No));
    }

    private static HashSet<string> Forms(IEnumerable<string> words) =>
        words.Select(FrenchText.Normalize).Where(form => form.Length > 0).ToHashSet(StringComparer.Ordinal);

    private sealed record WordsFile(Dictionary<string, string[]> Commands, string[] Yes, string[] No);
}
