namespace SecretBot.Cards.Model;

/// <summary>
/// The hidden values a button sends back. Plain string pairs: the bot only ever needs ids
/// (topic, question, choice, jurisdiction…), never free text.
/// </summary>
public sealed class ActionData : Dictionary<string, string>
{
    public ActionData() : base(StringComparer.Ordinal) { }

    public ActionData(IEnumerable<KeyValuePair<string, string>> pairs) : base(pairs, StringComparer.Ordinal) { }
}
