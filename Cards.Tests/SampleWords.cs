using SecretBot.Cards.Catalog;
using SecretBot.Cards.Compose;
using SecretBot.Cards.Texts;

namespace SecretBot.Cards.Tests;

/// <summary>Made-up texts standing in for the knowledge in card tests, with Markdown-like traps.</summary>
public sealed class SampleWords(Language language)
{
    private readonly bool fr = language == Language.Fr;

    public IReadOnlyList<TopicChoice> Topics =>
    [
        new("bound", fr ? "Secret ou simple discrétion ?" : "Secrecy or mere discretion?"),
        new("share", fr ? "Partager avec un partenaire ?" : "Share with a partner?"),
        new("police", fr ? "Police, justice : que dire ?" : "Police, justice: what to say?"),
        new("danger", fr ? "Quelqu'un est en danger" : "Someone is in danger"),
    ];

    public QuestionCardInput Question(int number, int total, int choices) =>
        new("share", "partner",
            fr ? "Avec qui voulez-vous partager l'information ?" : "Who do you want to share the information with?",
            Enumerable.Range(1, choices).Select(i => new Choice($"c{i}", new LocalizedText(ChoiceLabel(i), ChoiceLabel(i)), [], [])).ToArray(),
            new QuestionProgress(number, total))
        {
            Help = fr
                ? "Les règles changent selon que la personne est elle-même tenue au secret ou non."
                : "The rules differ depending on whether that person is bound by secrecy too.",
        };

    private string ChoiceLabel(int i) => i switch
    {
        1 => fr ? "Une personne de l’équipe, elle aussi tenue au secret" : "A colleague bound by secrecy",
        2 => fr ? "L'école" : "The school",
        3 => fr ? "Un service partenaire (CPAS, SAJ…)" : "A partner service (social welfare, youth aid…)",
        4 => fr ? "Ma hiérarchie" : "My manager",
        5 => fr ? "La famille de la personne" : "The person's family",
        _ => fr ? "Quelqu'un d'autre" : "Someone else",
    };
}
