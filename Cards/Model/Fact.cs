namespace SecretBot.Cards.Model;

/// <summary>A title and its value. FactSet values are plain text (no Markdown), titles too.</summary>
public sealed record Fact(string Title, string Value)
{
    public string Title { get; } = Require.Text(Title, nameof(Title));
    public string Value { get; } = Require.Text(Value, nameof(Value));
}
