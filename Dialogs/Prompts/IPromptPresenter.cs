using SecretBot.Dialogs.Turns;

namespace SecretBot.Dialogs.Prompts;

/// <summary>
/// How prompts look. The engine decides what to say; the presenter draws it — as plain text here,
/// as Adaptive Cards in the product.
/// </summary>
public interface IPromptPresenter
{
    OutgoingMessage Question(PromptOptions prompt, string language);

    /// <summary>The question again, after a reply that fit no choice.</summary>
    OutgoingMessage Retry(PromptOptions prompt, string language, string hint);

    /// <summary>After three replies that fit no choice: the question, and an offer to start over.</summary>
    OutgoingMessage StartOverOffer(PromptOptions prompt, string language, string offer);

    /// <summary>The question once answered: the choice shown, no buttons left to click.</summary>
    OutgoingMessage Answered(PromptOptions prompt, Choice chosen, string language);

    OutgoingMessage Help(PromptOptions? prompt, string help, string language);

    /// <summary>A short note from the engine (cancelled, fresh start, busy, service trouble).</summary>
    OutgoingMessage Notice(string text, string language);
}

/// <summary>Plain text, for tests and channels without cards: the question and numbered choices.</summary>
public sealed class PlainPromptPresenter : IPromptPresenter
{
    public OutgoingMessage Question(PromptOptions prompt, string language) =>
        new(Lines(prompt.Question, prompt), RememberAs: Prompt.QuestionMessage);

    public OutgoingMessage Retry(PromptOptions prompt, string language, string hint) =>
        new(Lines($"{hint}\n{prompt.Question}", prompt), RememberAs: Prompt.QuestionMessage);

    public OutgoingMessage StartOverOffer(PromptOptions prompt, string language, string offer) =>
        new(Lines($"{offer}\n{prompt.Question}", prompt), RememberAs: Prompt.QuestionMessage);

    public OutgoingMessage Answered(PromptOptions prompt, Choice chosen, string language) =>
        new($"{prompt.Question} → {chosen.Label}");

    public OutgoingMessage Help(PromptOptions? prompt, string help, string language) => new(help);

    public OutgoingMessage Notice(string text, string language) => new(text);

    private static string Lines(string head, PromptOptions prompt) =>
        string.Join('\n', [head, .. prompt.Choices.Select((c, i) => $"{i + 1}. {c.Label}")]);
}
