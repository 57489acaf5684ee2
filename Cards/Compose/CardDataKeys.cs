namespace SecretBot.Cards.Compose;

/// <summary>The keys of the ids a button sends back with its verb.</summary>
public static class CardDataKeys
{
    public const string Topic = "topic";
    public const string Question = "question";
    public const string Choice = "choice";
    public const string Jurisdiction = "jurisdiction";
    public const string Language = "language";
    public const string Outcome = "outcome";
    public const string Rating = "rating";
}
