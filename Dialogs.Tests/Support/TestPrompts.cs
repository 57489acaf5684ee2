using System.Globalization;
using System.Text;
using SecretBot.Dialogs.Engine;
using SecretBot.Dialogs.Events;
using SecretBot.Dialogs.Turns;

namespace SecretBot.Dialogs.Tests.Support;

/// <summary>A question of the test catalog: its key, its text, its choices (id, label, words people type) and its help.</summary>
public sealed record TestQuestion(string Key, string Text, IReadOnlyList<(string Id, string Label, string[] Words)> Choices, string? Help = null);

/// <summary>
/// Prompts for testing the engine, drawn as plain text: a question and its numbered choices; after
/// a miss, a hint first; the answered form "question → label". A click names the prompt's key and
/// the choice; a typed reply is a choice's number, id, label or word (case and accents aside).
/// </summary>
public static class TestPrompts
{
    public const string KeyOption = "key";
    public const string Choice = "choice-prompt";
    public const string YesNo = "yes-no-prompt";
    public const string Text = "text-prompt";

    public static string Normalize(string? text)
    {
        var builder = new StringBuilder();
        foreach (var c in (text ?? "").Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
            }
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Asks one of the catalog's questions; the parent receives the chosen choice's id.</summary>
    public class ChoicePrompt(IReadOnlyDictionary<string, TestQuestion> catalog, string id = Choice) : Prompt(id)
    {
        public override async Task<bool> OnEventAsync(DialogContext context, DialogInstance instance, DialogEvent dialogEvent,
            CancellationToken cancellationToken)
        {
            if (dialogEvent.Name != DialogEvent.Help || Question(instance).Help is not { } help)
            {
                return false;
            }

            await context.SayAsync(help, cancellationToken);
            await RepromptAsync(context, instance, cancellationToken);
            return true;
        }

        protected TestQuestion Question(DialogInstance instance) =>
            catalog.GetValueOrDefault(instance.Values.GetId(KeyOption) ?? "") ?? throw new UnknownPromptException(instance.Values.GetId(KeyOption) ?? "");

        protected virtual IReadOnlyList<(string Id, string Label, string[] Words)> Choices(DialogInstance instance) => Question(instance).Choices;

        protected override OutgoingMessage Ask(DialogContext context, DialogInstance instance, PromptAsk ask)
        {
            var question = Question(instance);
            var head = ask switch
            {
                PromptAsk.Retry => $"Je n'ai pas reconnu cette réponse.\n{question.Text}",
                PromptAsk.StartOver => $"Je ne trouve toujours pas : tapez « recommencer » pour repartir.\n{question.Text}",
                _ => question.Text,
            };
            return new OutgoingMessage(string.Join('\n', [head, .. Choices(instance).Select((c, i) => $"{i + 1}. {c.Label}")]));
        }

        protected override PromptReply Recognize(DialogContext context, DialogInstance instance)
        {
            var question = Question(instance);
            var choices = Choices(instance);
            if (context.Input.IsCardAction)
            {
                if (context.Input.CardString("prompt") is { } key && key != question.Key)
                {
                    return PromptReply.Stale;
                }

                var clicked = choices.FirstOrDefault(c => c.Id == context.Input.CardString("choice"));
                return clicked.Id is null ? PromptReply.NotRecognized : Recognized(question, clicked);
            }

            var text = Normalize(context.Input.Text);
            if (int.TryParse(text, out var number) && number >= 1 && number <= choices.Count)
            {
                return Recognized(question, choices[number - 1]);
            }

            var found = choices.Where(c => new[] { c.Id, c.Label }.Concat(c.Words).Select(Normalize)
                .Any(form => form == text || $" {text} ".Contains($" {form} ", StringComparison.Ordinal))).ToList();
            return found.Count == 1 ? Recognized(question, found[0]) : PromptReply.NotRecognized;
        }

        protected virtual object Value(string choiceId) => choiceId;

        private PromptReply Recognized(TestQuestion question, (string Id, string Label, string[] Words) choice) =>
            new(RecognitionKind.Recognized, Value(choice.Id), new OutgoingMessage($"{question.Text} → {choice.Label}"));
    }

    /// <summary>A yes/no question (oui, ouais, d'accord, non, pas du tout…); the parent receives a bool.</summary>
    public sealed class YesNoPrompt(IReadOnlyDictionary<string, TestQuestion> catalog) : ChoicePrompt(catalog, YesNo)
    {
        protected override IReadOnlyList<(string Id, string Label, string[] Words)> Choices(DialogInstance instance) =>
        [
            ("yes", "Oui", ["ouais", "d accord", "ok"]),
            ("no", "Non", ["pas du tout", "nan"]),
        ];

        protected override object Value(string choiceId) => choiceId == "yes";
    }

    /// <summary>Asks for a free answer: the text goes to the parent's next step in memory, within this turn, and is never stored.</summary>
    public sealed class TextPrompt(IReadOnlyDictionary<string, TestQuestion> catalog) : Prompt(Text)
    {
        protected override OutgoingMessage Ask(DialogContext context, DialogInstance instance, PromptAsk ask) =>
            OutgoingMessage.Plain(catalog[instance.Values.GetId(KeyOption)!].Text);

        protected override PromptReply Recognize(DialogContext context, DialogInstance instance) =>
            string.IsNullOrWhiteSpace(context.Input.Text) || context.Input.IsCardAction
                ? PromptReply.NotRecognized
                : new PromptReply(RecognitionKind.Recognized, context.Input.Text.Trim());
    }
}
