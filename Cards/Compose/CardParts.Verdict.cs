using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;

namespace SecretBot.Cards.Compose;

public static partial class CardParts
{
    /// <summary>
    /// The verdict in one line on a background coloured by its meaning, with a symbol and words
    /// so that the meaning never rests on colour alone. The text stays dark: Teams' green and
    /// yellow text colours are unreadable on white.
    /// </summary>
    public static Container Verdict(TextCatalog texts, VerdictLine verdict) =>
        new([new TextBlock(texts.Format(VerdictKey(verdict.Kind), verdict.Label)) { Weight = TextWeight.Bolder, Size = TextSize.Medium }])
        {
            Style = verdict.Kind switch
            {
                VerdictKind.Good => ContainerStyle.Good,
                VerdictKind.Warning => ContainerStyle.Warning,
                _ => ContainerStyle.Attention,
            },
            Bleed = true,
            Spacing = Spacing.Medium,
        };

    private static string VerdictKey(VerdictKind kind) => kind switch
    {
        VerdictKind.Good => "verdict.good",
        VerdictKind.Warning => "verdict.warning",
        _ => "verdict.attention",
    };
}
