using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;

namespace SecretBot.Cards.Compose;

public static partial class CardParts
{
    /// <summary>"Ne restez pas seul·e": whom to talk to, in an emphasised container.</summary>
    public static Container NotAlone(TextCatalog texts, IReadOnlyList<Contact> contacts) =>
        new([
            SectionTitle(texts["notAlone.title"]) with { Spacing = Spacing.None },
            .. Require.Some(contacts, nameof(contacts)).Select(ContactLine),
        ])
        {
            Style = ContainerStyle.Emphasis,
            Bleed = true,
            Spacing = Spacing.Large,
        };

    private static CardElement ContactLine(Contact contact)
    {
        var name = MarkdownText.Escape(contact.Name);
        var line = contact.Url is { } url ? $"**[{name}]({LinkTarget(url)})**" : $"**{name}**";
        if (!string.IsNullOrWhiteSpace(contact.Detail))
            line += " — " + MarkdownText.Escape(contact.Detail);
        return new TextBlock(line) { Spacing = Spacing.Small };
    }

    /// <summary>The disclaimer and the version of the knowledge the answer came from.</summary>
    public static Container Footer(TextCatalog texts, string knowledgeVersion, DateOnly knowledgeDate) =>
        new([
            Note(texts["footer.disclaimer"]),
            Note(texts.Format("footer.version", knowledgeVersion, knowledgeDate.ToString("d MMMM yyyy", texts.Culture))) with { Spacing = Spacing.None },
        ])
        {
            Separator = true,
            Spacing = Spacing.Large,
        };
}
