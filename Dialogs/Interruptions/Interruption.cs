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
        var verb = input.IsCardAction ? input.CardString(VerbField) : null;
        var said = input.IsCardAction ? input.CardString(CommandField) ?? verb : TextNormalizer.Normalize(input.Text);
        if (string.IsNullOrEmpty(said) || said == AnswerVerb)
        {
            return null;
        }

        foreach (var (name, forms) in words.Commands)
        {
            if ((said == name || forms.Contains(said)) && Enum.TryParse<InterruptionKind>(name, ignoreCase: true, out var kind))
            {
                return new Interruption(kind);
            }
        }

        return verb is null ? null : new Interruption(InterruptionKind.Action, verb);
    }
}
