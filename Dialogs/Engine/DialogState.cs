namespace SecretBot.Dialogs.Engine;

/// <summary>One dialog on the stack: which dialog, and its values.</summary>
public sealed class DialogInstance(string dialogId)
{
    public string DialogId { get; } = dialogId;

    public DialogValues Values { get; } = new();
}

/// <summary>
/// A conversation's dialog state: the stack of running dialogs (innermost last) and the ids of
/// messages the bot chose to remember (the question card on screen, to update once answered).
/// </summary>
public sealed class DialogState
{
    public List<DialogInstance> Stack { get; } = [];

    public DialogValues Remembered { get; } = new();

    public DialogInstance? Active => Stack.Count == 0 ? null : Stack[^1];
}
