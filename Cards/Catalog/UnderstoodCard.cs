using SecretBot.Cards.Compose;
using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;
using static SecretBot.Cards.Compose.CardParts;

namespace SecretBot.Cards.Catalog;

/// <summary>
/// What the bot understood from a typed message, shown before anything rests on it: the topic,
/// the facts it took from the message, a way to correct them, and — when every question is already
/// answered — a button to see the answer. A danger the message mentions gets its pointer here.
/// </summary>
public static class UnderstoodCard
{
    public static AdaptiveCard Create(TextCatalog texts, UnderstoodInput understood)
    {
        var facts = understood.Facts.Select(f => $"{f.Title} : {f.Value}");
        ExecuteAction[] buttons =
        [
            .. understood.Complete ? [Button(texts["understood.confirm"], CardVerbs.ConfirmUnderstood) with { Style = ActionStyle.Positive }] : Array.Empty<ExecuteAction>(),
            .. understood.Facts.Count == 0 ? Array.Empty<ExecuteAction>() : [Button(texts["understood.correct"], CardVerbs.CorrectUnderstood)],
        ];
        var spoken = string.Join(" ", new[] { texts["understood.title"], understood.TopicTitle }.Concat(facts));
        return new AdaptiveCard(texts.Tag, spoken, spoken,
        [
            .. understood.Danger.Count == 0
                ? []
                : new CardElement[] { Emergency(texts, understood.Danger), new ActionSet([Button(texts["understood.dangerTopic"], CardVerbs.StartTopic, (CardDataKeys.Topic, "danger"))]) },
            Heading(texts["understood.title"]),
            TopicLine(understood.TopicTitle),
            .. understood.Facts.Count == 0 ? [] : new CardElement[] { new FactSet(understood.Facts.ToList()) },
            .. understood.Facts.Count == 0 ? [] : new CardElement[] { Note(texts[understood.Complete ? "understood.checkAll" : "understood.check"]) },
            .. buttons.Length == 0 ? [] : new CardElement[] { StackedButtons(buttons) },
        ]);
    }
}

/// <param name="Facts">Each fact as the answer card names it (the question's short label) and the choice understood.</param>
/// <param name="Complete">Every question is answered: the next step is the answer, once confirmed.</param>
/// <param name="Danger">Emergency numbers, when the message mentions a present danger but asks another question.</param>
public sealed record UnderstoodInput(string TopicTitle, IReadOnlyList<Fact> Facts, bool Complete, IReadOnlyList<EmergencyNumber> Danger);
