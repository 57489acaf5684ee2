using System.Text.Json.Serialization;

namespace SecretBot.Cards.Model;

/// <summary>
/// Action.Execute: Teams answers with an <c>adaptiveCard/action</c> invoke, and the bot can replace
/// the card in place. Older clients use the fallback, a plain Action.Submit whose object data carries
/// the same values plus the verb (under <see cref="VerbKey"/>), since a Submit has no verb of its own.
/// </summary>
public sealed record ExecuteAction : CardAction
{
    public const string VerbKey = "verb";

    public ExecuteAction(string title, string verb, ActionData data) : base(title)
    {
        Verb = Require.Text(verb, nameof(verb));
        Data = data ?? throw new ArgumentNullException(nameof(data));
        if (Data.ContainsKey(VerbKey))
            throw new ArgumentException($"The data key '{VerbKey}' is reserved for the fallback.", nameof(data));
        Fallback = new SubmitAction(title, new ActionData(data) { [VerbKey] = verb });
    }

    public string Verb { get; }
    public ActionData Data { get; }

    /// <summary>The Submit sent by clients that do not know Action.Execute.</summary>
    [JsonIgnore]
    public SubmitAction Fallback { get; }

    // Declared as the base type so that the serialiser writes the fallback's "type".
    [JsonInclude, JsonPropertyName("fallback")]
    private CardAction FallbackJson => Fallback with { Style = Style };
}
