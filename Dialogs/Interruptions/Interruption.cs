using SecretBot.Dialogs.Prompts;
using SecretBot.Dialogs.Texts;
using SecretBot.Dialogs.Turns;

namespace SecretBot.Dialogs.Interruptions;

public enum InterruptionKind { Help, Cancel, Restart, Back, Language, Country }

/// <summary>A command said in the middle of anything: aide, annuler, recommencer, retour, langue, pays.</summary>
public sealed record Interruption(InterruptionKind Kind)
{
    /// <summary>The card data member with which a button asks for a command (e.g. the Retour button).</summary>
    public const string CommandField = "command";

    /// <summary>The whole message is a command word (any case, accents or punctuation), or a button sent one.</summary>
    public static Interruption? Recognize(DialogTurnInput input, EngineWords words)
    {
        var said = input.IsCardAction ? input.CardString(CommandField) : TextNormalizer.Normalize(input.Text);
        if (string.IsNullOrEmpty(said))
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

        return null;
    }
}
