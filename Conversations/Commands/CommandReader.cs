using SecretBot.Cards.Compose;
using SecretBot.Dialogs.Events;
using SecretBot.Dialogs.Turns;

namespace SecretBot.Conversations.Commands;

/// <summary>
/// The one door for commands: a typed command word ("aide", "langue") and a button (its verb, or a
/// "command" it names) become the same <see cref="DialogEvent"/>, settled by whichever dialog takes
/// it (the question on screen, the interview, or <see cref="Routing.MainDialog"/>'s command table).
/// A button that answers the question on screen raises nothing: the prompt reads it.
/// </summary>
public sealed class CommandReader(CommandWords words)
{
    /// <summary>The card data member with which a button asks for a command (e.g. the Retour button).</summary>
    public const string CommandField = "command";

    /// <summary>The card data member that carries an Action.Execute verb (added by the host, or by a Submit fallback).</summary>
    public const string VerbField = "verb";

    public DialogEvent? Read(DialogTurnInput input)
    {
        if (input.IsCardAction)
        {
            // A button names its command exactly; typed synonyms ("juridiction"…) are for people, not buttons.
            var verb = input.CardString(CommandField) ?? input.CardString(VerbField);
            return verb is null or CardVerbs.Answer ? null : new DialogEvent(verb);
        }

        return words.CommandIn(input.Text) is { } command ? new DialogEvent(command) : null;
    }
}
