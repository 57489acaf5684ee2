using System.Text;
using System.Text.Json.Nodes;

namespace SecretBot.Bench.Load;

/// <summary>
/// One turn of a simulated person: a typed message or a click on a button of the card the bot sent
/// last, and a fragment of JSON that the bot's reply must contain (the button the next step clicks,
/// or the outcome of the answer card), so that a run cannot measure error pages.
/// </summary>
public sealed record WalkStep(string Name, string? Text, string? Verb, JsonObject? Data, string Expect)
{
    public bool IsClick => Verb is not null;

    public static WalkStep Say(string name, string text, string expect) => new(name, text, null, null, expect);

    public static WalkStep Click(string name, string verb, JsonObject data, string expect) => new(name, null, verb, data, expect);
}

/// <summary>The interviews the load generator walks, as a person in Belgium would, in French.</summary>
public static class Walks
{
    /// <summary>
    /// The urgent police path (the reflexes card, then the police interview to its answer, as someone
    /// bound by professional secrecy), then a sharing interview from its first question to its answer,
    /// one answer typed and the others clicked.
    /// </summary>
    public static IReadOnlyList<WalkStep> PoliceThenShare { get; } =
    [
        WalkStep.Say("police-urgent", "un policier m'appelle au téléphone", "\"verb\":\"topic\",\"data\":{\"topic\":\"police\"}"),
        WalkStep.Click("police-interview", "topic", new JsonObject { ["topic"] = "police" }, "\"choice\":\"police_call\"}"),
        WalkStep.Click("police-request", "answer", Answer("police", "request", "police_call"), "\"question\":\"bound\",\"choice\":\"yes\"}"),
        WalkStep.Click("police-answer", "answer", Answer("police", "bound", "yes"), "\"outcome\":\"police.secret_stands\""),
        WalkStep.Say("share-open", "puis-je partager une information ?", "\"choice\":\"colleague_bound\"}"),
        WalkStep.Click("share-partner", "answer", Answer("share", "partner", "colleague_bound"), "\"question\":\"consent\",\"choice\":\"yes\"}"),
        WalkStep.Say("share-consent-typed", "oui", "\"question\":\"same_mission\",\"choice\":\"yes\"}"),
        WalkStep.Click("share-mission", "answer", Answer("share", "same_mission", "yes"), "\"question\":\"necessary\",\"choice\":\"yes\"}"),
        WalkStep.Click("share-answer", "answer", Answer("share", "necessary", "yes"), "\"outcome\":\"share.shared_secret\""),
    ];

    /// <summary>One message that opens a sharing interview and leaves it waiting on its first question.</summary>
    public static IReadOnlyList<WalkStep> OpenShare { get; } = [PoliceThenShare.Single(step => step.Name == "share-open")];

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static JsonObject Answer(string topic, string question, string choice) =>
        new() { ["topic"] = topic, ["question"] = question, ["choice"] = choice };
}
