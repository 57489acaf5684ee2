namespace SecretBot.Dialogs.Engine;

public enum DialogTurnStatus
{
    /// <summary>No dialog was running.</summary>
    Empty,

    /// <summary>A dialog asked something and waits for the next message.</summary>
    Waiting,

    /// <summary>The dialog (and its stack) finished, with an optional result.</summary>
    Complete,

    /// <summary>The dialogs were cancelled.</summary>
    Cancelled,
}

/// <summary>
/// How a dialog operation left the stack. <see cref="Result"/> travels from a child to its parent in
/// memory, within the turn, and is never stored (a text prompt's answer is one of these).
/// </summary>
public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null)
{
    public static DialogTurnResult Waiting { get; } = new(DialogTurnStatus.Waiting);

    public static DialogTurnResult Empty { get; } = new(DialogTurnStatus.Empty);

    public static DialogTurnResult Cancelled { get; } = new(DialogTurnStatus.Cancelled);
}
