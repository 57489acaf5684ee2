using SecretBot.Dialogs.Prompts;
using SecretBot.Dialogs.Texts;
using SecretBot.Dialogs.Turns;

namespace SecretBot.Dialogs.Interruptions;

public enum InterruptionKind
{
    Help,
    Cancel,
    Restart,
    Back,
    Language,
    Country,

    /// <summary>A button of the product (a topic, a preference, "autre question"…): the dialogs that know it settle it.</summary>
    Action,
}

/// <summary>A command said in the middle of anything: aide, annuler, recommencer, retour, langue, pays.</summary>
/// <param name="Verb">For <see cref="InterruptionKind.Action"/>: the button's verb.</param>
public sealed record Interruption(InterruptionKind Kind, string? Verb = null)
{
    /// <summary>The card data member with which a button asks for a command (e.g. the Retour button).</summary>
    public const string CommandField = "command";

    /// <summary>The card data member that carries an Action.Execute verb (added by the host, or by a Submit fallback).</summary>
    public const string VerbField = "verb";

    /// <summary>Verbs of buttons that answer the question on screen: they go to the active prompt.</summary>
    public const string AnswerVerb = "answer";

    /// <summary>The whole message is a command word (any case, accents or punctuation), or a button sent one.</summary>
    public static Interruption? Recognize(DialogTurnInput input, EngineWords words)
    {
        if (input.IsCardAction)
        {
            // A button names its command exactly; typed synonyms ("juridiction"…) are for people, not buttons.
            var verb = input.CardString(VerbField);
            var command = input.CardString(CommandField) ?? verb switch
            {
                "back" or "cancel" or "restart" or "help" => verb,
                "ask-jurisdiction" => "country",
                "ask-language" => "language",
                _ => null,
            };
            if (command is not null && words.Commands.ContainsKey(command) && Enum.TryParse<InterruptionKind>(command, ignoreCase: true, out var named))
            {
                return new Interruption(named);
            }

            return verb is null || verb == AnswerVerb ? null : new Interruption(InterruptionKind.Action, verb);
        }

        var said = TextNormalizer.Normalize(input.Text);
        foreach (var (name, forms) in words.Commands)
        {
            if (said.Length > 0 && (said == name || forms.Contains(said)) && Enum.TryParse<InterruptionKind>(name, ignoreCase: true, out var kind))
            {
                return new Interruption(kind);
            }
        }

        return null;
    }
}
