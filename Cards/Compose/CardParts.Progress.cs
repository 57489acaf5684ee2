using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;

namespace SecretBot.Cards.Compose;

public static partial class CardParts
{
    /// <summary>"Question 2 sur 4", above the question.</summary>
    public static TextBlock Progress(TextCatalog texts, QuestionProgress progress) =>
        Note(texts.Format("question.progress", progress.Number, progress.Total));

    /// <summary>The law the answer follows, and the button to change it.</summary>
    public static ColumnSet JurisdictionLine(TextCatalog texts, Jurisdiction jurisdiction) =>
        new([
            new Column([Note(texts.Format("jurisdiction.shown", texts.NameOf(jurisdiction)))]) { Width = ColumnWidth.Stretch },
            new Column([new ActionSet([Button(texts["action.changeJurisdiction"], CardVerbs.AskJurisdiction)])]) { Width = ColumnWidth.Auto },
        ]);
}
