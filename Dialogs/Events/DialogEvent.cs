namespace SecretBot.Dialogs.Events;

/// <summary>
/// A command said or clicked in the middle of anything (Bot Builder's dialog events): the engine's
/// own (help, back, restart, cancel) or a host's (a button's verb), with an optional value.
/// </summary>
public sealed record DialogEvent(string Name, string? Value = null)
{
    public const string Help = "help";
    public const string Cancel = "cancel";
    public const string Restart = "restart";
    public const string Back = "back";

    public static DialogEvent Named(string name) => new(name);
}
