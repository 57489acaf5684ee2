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

    /// <summary>The answers an answer card came from (<see cref="AnswerList"/>), on its vote buttons.</summary>
    public const string Answers = "answers";

    /// <summary>"yes" when the colleague asks the référents to contact them, "no" for a request without a name.</summary>
    public const string Contact = "contact";

    /// <summary>A request to the référents (a random id).</summary>
    public const string Request = "request";

    /// <summary>The name of the colleague who asked to be contacted, as their request's card shows it.</summary>
    public const string Requester = "requester";
}
