using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;

namespace SecretBot.Cards.Compose;

public static partial class CardParts
{
    /// <summary>"À qui en parler": whom to talk to, in an emphasised container; <paramref name="brief"/> gives names and numbers only.</summary>
    public static Container NotAlone(TextCatalog texts, IReadOnlyList<Contact> contacts, bool brief = false) =>
        new([
            SectionTitle(texts["notAlone.title"]) with { Spacing = Spacing.None },
            .. Require.Some(contacts, nameof(contacts)).Select(contact => ContactLine(contact, brief)),
        ])
        {
            Style = ContainerStyle.Emphasis,
            Bleed = true,
            Spacing = Spacing.Large,
        };

    private static CardElement ContactLine(Contact contact, bool brief)
    {
        var name = MarkdownText.Escape(contact.Name);
        var line = contact.Url is { } url ? $"**[{name}]({LinkTarget(url)})**" : $"**{name}**";
        var detail = brief ? contact.Phone : contact.Detail;
        if (!string.IsNullOrWhiteSpace(detail))
            line += " — " + MarkdownText.Escape(detail);
        return new TextBlock(line) { Spacing = Spacing.Small };
    }

    /// <summary>
    /// The disclaimer and when the knowledge was last updated, in one line; the law the answer
    /// follows with the button to change it (at the bottom: not what a person in a hurry looks for first).
    /// </summary>
    /// <param name="canChangeJurisdiction">False on a card shared into a chat: it names the law but has no button to change it.</param>
    public static Container Footer(TextCatalog texts, DateOnly knowledgeDate, Knowledge.Model.Jurisdiction? jurisdiction = null,
        bool canChangeJurisdiction = true) =>
        new([
            Note(texts.Format("footer.updated", Knowledge.Model.Reference.LongDate(knowledgeDate, texts.Language))),
            .. jurisdiction is { } shown
                ? new CardElement[]
                {
                    new ColumnSet([
                        new Column([Note(texts.Format("footer.jurisdiction", texts[$"jurisdiction.short.{TextNames.Code(shown)}"]))])
                        {
                            Width = ColumnWidth.Stretch,
                        },
                        .. canChangeJurisdiction
                            ? new[] { new Column([new ActionSet([Button(texts["action.changeJurisdiction"], CardVerbs.AskJurisdiction)])]) { Width = ColumnWidth.Auto } }
                            : [],
                    ]) { Spacing = Spacing.Small },
                }
                : [],
        ])
        {
            Separator = true,
            Spacing = Spacing.Large,
        };
}
