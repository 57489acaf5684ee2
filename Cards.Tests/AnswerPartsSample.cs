using SecretBot.Knowledge.Evaluation;
using Jurisdiction = SecretBot.Knowledge.Model.Jurisdiction;
using SecretBot.Cards.Compose;
using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;
using static SecretBot.Cards.Compose.CardParts;

namespace SecretBot.Cards.Tests;

/// <summary>
/// Every part of the answer card put together from made-up content, so that the parts are proven
/// by the schema and the official renderer before the real answer card exists.
/// </summary>
public static class AnswerPartsSample
{
    public static AdaptiveCard Create(TextCatalog texts, SampleWords words)
    {
        var fr = texts.Language == Language.Fr;
        return new AdaptiveCard(texts.Tag, "Sample answer", "Sample answer",
        [
            Heading(words.Topics[1].Title),
            JurisdictionLine(texts, Jurisdiction.BE),
            Verdict(texts, new VerdictLine(VerdictKind.Warning, fr ? "Oui, à certaines conditions" : "Yes, under conditions")),
            KeyPoints(texts,
            [
                fr ? "Partagez seulement ce qui est nécessaire à la mission commune." : "Share only what the shared task needs.",
                fr ? "La personne doit être informée, et ne pas s'y opposer." : "The person must be told, and not object.",
                fr ? "Le partenaire doit être lui-même tenu au secret." : "The partner must be bound by secrecy too.",
            ]),
            Conditions(texts,
            [
                new ConditionCheck("bound", new LocalizedText("Le partenaire est tenu au secret", "The partner is bound by secrecy"), true),
                new ConditionCheck("informed", new LocalizedText("La personne a été informée", "The person was told"), false),
            ]),
            Facts(texts,
            [
                new Fact(fr ? "Avec qui" : "With whom", fr ? "Un service partenaire" : "A partner service"),
                new Fact(fr ? "Accord" : "Consent", fr ? "Pas encore demandé" : "Not asked yet"),
            ]),
            References(texts,
            [
                new LegalReference(fr ? "Code pénal, art. 458" : "Criminal Code, art. 458",
                    new Uri("https://www.ejustice.just.fgov.be/eli/loi/1867/06/08/1867060850/justel"),
                    fr ? "Texte vérifié à la source le 4 décembre 2026." : "Text checked at the source on 4 December 2026.",
                    "Les médecins, chirurgiens, officiers de santé, pharmaciens, sages-femmes et toutes autres personnes dépositaires, par état ou par profession, des secrets qu'on leur confie […]\n1. qui, hors le cas où ils sont appelés à rendre témoignage en justice […]"),
                new LegalReference(fr ? "Code pénal, art. 458bis (situation [de] danger)" : "Criminal Code, art. 458bis", null,
                    fr ? "À vérifier sur le texte officiel." : "To be checked against the official text.", null,
                    fr ? "En substance : informer le procureur du Roi quand…" : "In short: informing the prosecutor when…", fr ? "Peine : niveau 2." : "Penalty: level 2."),
            ]),
            NotAlone(texts,
            [
                new Contact(fr ? "La personne référente secret professionnel" : "Your professional secrecy referent", fr ? "au sein de votre service" : "in your service", null),
                new Contact("Aide-Info-Secret", "0800 00 000", new Uri("https://example.org/aide(info)")),
            ]),
            // Three long labels side by side get cut at 500 px: stacked, they stay whole.
            StackedButtons(
            [
                Button(texts["action.editAnswers"], CardVerbs.EditAnswers, (CardDataKeys.Topic, "share")),
                Button(texts["action.otherQuestion"], CardVerbs.OtherQuestion),
                Button(texts["action.askReferent"], CardVerbs.AskReferent, (CardDataKeys.Topic, "share")),
            ]),
            Footer(texts, new DateOnly(2026, 11, 24), Jurisdiction.BE),
        ]);
    }
}
