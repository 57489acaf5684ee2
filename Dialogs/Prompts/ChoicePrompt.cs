using SecretBot.Dialogs.Engine;

namespace SecretBot.Dialogs.Prompts;

/// <summary>Asks a question with choices; the parent receives the chosen <see cref="Choice"/>.</summary>
public sealed class ChoicePrompt(string id = ChoicePrompt.DefaultId) : Prompt(id)
{
    public const string DefaultId = "choice-prompt";

    protected override (RecognitionKind Outcome, object? Value, Choice? Chosen) Recognize(DialogContext context, PromptOptions prompt)
    {
        var recognition = ChoiceRecognizer.Recognize(context.Input, prompt);
        return (recognition.Kind, recognition.Choice, recognition.Choice);
    }
}

/// <summary>A yes/no question (oui, non, ok, d'accord, pas du tout…); the parent receives a bool.</summary>
public sealed class ConfirmPrompt(string id = ConfirmPrompt.DefaultId) : Prompt(id)
{
    public const string DefaultId = "confirm-prompt";
    public const string YesId = "yes";
    public const string NoId = "no";

    protected override PromptOptions OptionsFor(DialogContext context, DialogInstance instance)
    {
        var words = context.Texts.Words;
        return base.OptionsFor(context, instance) with
        {
            Choices =
            [
                new Choice(YesId, context.Texts.Get("yes", context.Language), words.Yes),
                new Choice(NoId, context.Texts.Get("no", context.Language), words.No),
            ],
        };
    }

    protected override (RecognitionKind Outcome, object? Value, Choice? Chosen) Recognize(DialogContext context, PromptOptions prompt)
    {
        var recognition = ChoiceRecognizer.Recognize(context.Input, prompt);
        return (recognition.Kind, recognition.Choice?.Id == YesId, recognition.Choice);
    }
}

/// <summary>
/// Asks for a free answer. The text goes to the parent's next step in memory, within this turn, and
/// is never stored.
/// </summary>
public sealed class TextPrompt(string id = TextPrompt.DefaultId) : Prompt(id)
{
    public const string DefaultId = "text-prompt";

    protected override (RecognitionKind Outcome, object? Value, Choice? Chosen) Recognize(DialogContext context, PromptOptions prompt) =>
        string.IsNullOrWhiteSpace(context.Input.Text) || context.Input.IsCardAction
            ? (RecognitionKind.NotRecognized, null, null)
            : (RecognitionKind.Recognized, context.Input.Text.Trim(), null);
}
