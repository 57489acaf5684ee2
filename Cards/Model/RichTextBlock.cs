namespace SecretBot.Cards.Model;

/// <summary>Text whose runs carry their own emphasis. Runs are never Markdown-processed.</summary>
public sealed record RichTextBlock(IReadOnlyList<TextRun> Inlines) : CardElement
{
    public IReadOnlyList<TextRun> Inlines { get; } = Require.Some(Inlines, nameof(Inlines));

    public HorizontalAlignment? HorizontalAlignment { get; init; }
}
