using System.Text.RegularExpressions;

namespace SecretBot.Cards.Model;

/// <summary>
/// What a card shows before anything is unfolded: the texts of its visible elements and the titles
/// of its buttons, Markdown links and emphasis read as their words. On a phone, this is what must
/// fit before the person scrolls.
/// </summary>
public static partial class VisibleText
{
    public static int Length(IEnumerable<CardElement> elements) => Of(elements).Sum(text => text.Length);

    public static IEnumerable<string> Of(IEnumerable<CardElement> elements) => elements.SelectMany(Of);

    private static IEnumerable<string> Of(CardElement element)
    {
        if (element.IsVisible == false)
        {
            return [];
        }

        return element switch
        {
            TextBlock block => [Words(block.Text)],
            RichTextBlock rich => rich.Inlines.Select(run => Words(run.Text)),
            FactSet facts => facts.Facts.SelectMany(fact => new[] { Words(fact.Title), Words(fact.Value) }),
            Container container => Of(container.Items),
            ColumnSet columns => columns.Columns.SelectMany(column => Of(column.Items)),
            ActionSet actions => actions.Actions.Select(action => action.Title ?? ""),
            _ => [],
        };
    }

    /// <summary>"[Code pénal](https://…)" reads "Code pénal"; "**Urgences**" reads "Urgences".</summary>
    private static string Words(string markdown) => Emphasis().Replace(Link().Replace(markdown, "$1"), "");

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*|__")]
    private static partial Regex Emphasis();
}
