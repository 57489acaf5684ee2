namespace SecretBot.Cards.Compose;

/// <summary>
/// The verbs of the cards' Action.Execute buttons (also sent as data "verb" by their Submit
/// fallback). The dialogs dispatch on them.
/// </summary>
public static class CardVerbs
{
    public const string Answer = "answer";
    public const string Back = "back";
    public const string Cancel = "cancel";
    public const string Restart = "restart";
    public const string Help = "help";
    public const string StartTopic = "topic";
    public const string SetJurisdiction = "jurisdiction";
    public const string SetLanguage = "language";
    public const string AskJurisdiction = "ask-jurisdiction";
    public const string AskLanguage = "ask-language";
    public const string EditAnswers = "edit-answers";
    public const string OtherQuestion = "other-question";
    public const string AskReferent = "ask-referent";
    public const string SendToReferents = "referent-send";
    public const string TakeReferentRequest = "referent-take";
    public const string Feedback = "feedback";
    public const string ConfirmUnderstood = "understood-confirm";
    public const string CorrectUnderstood = "understood-correct";
}
