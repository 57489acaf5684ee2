using SecretBot.Dialogs.Prompts;

namespace SecretBot.Dialogs.Engine;

/// <summary>The dialogs a bot knows, by id, and the catalog its prompts read their questions from.</summary>
public sealed class DialogSet(IPromptCatalog prompts)
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    public IPromptCatalog Prompts { get; } = prompts;

    public DialogSet Add(Dialog dialog)
    {
        if (!_dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new ArgumentException($"A dialog with id '{dialog.Id}' is already in the set.", nameof(dialog));
        }

        return this;
    }

    public Dialog? Find(string id) => _dialogs.GetValueOrDefault(id);
}
