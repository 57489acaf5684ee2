namespace SecretBot.Dialogs.Prompts;

/// <summary>One answer a question offers: its id (kept in state), its label and the words people type for it.</summary>
public sealed record Choice(string Id, string Label, IReadOnlyList<string> Synonyms)
{
    public Choice(string id, string label) : this(id, label, [])
    {
    }
}

/// <summary>
/// A question, as a prompt asks it in one language. <see cref="Properties"/> carries what the
/// presenter needs to draw it (topic, progress…), as data.
/// </summary>
public sealed record PromptOptions(
    string Key,
    string Question,
    IReadOnlyList<Choice> Choices,
    string? Help = null,
    IReadOnlyDictionary<string, string>? Properties = null);

/// <summary>
/// Where prompts find their questions. A prompt keeps only the question's key in state, so the
/// state stays small and a question's wording can change between two turns.
/// </summary>
public interface IPromptCatalog
{
    PromptOptions? Find(string key, string language);
}

/// <summary>A catalog that asks several others in turn.</summary>
public sealed class CompositePromptCatalog(params IPromptCatalog[] catalogs) : IPromptCatalog
{
    public PromptOptions? Find(string key, string language) =>
        catalogs.Select(c => c.Find(key, language)).FirstOrDefault(o => o is not null);
}

/// <summary>A fixed catalog: key → options per language.</summary>
public sealed class DictionaryPromptCatalog : IPromptCatalog
{
    private readonly Dictionary<(string, string), PromptOptions> _prompts = [];

    public DictionaryPromptCatalog Add(string language, PromptOptions options)
    {
        _prompts[(options.Key, language)] = options;
        return this;
    }

    public PromptOptions? Find(string key, string language) => _prompts.GetValueOrDefault((key, language));
}
