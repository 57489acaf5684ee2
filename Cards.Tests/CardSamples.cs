using Jurisdiction = SecretBot.Knowledge.Model.Jurisdiction;
using SecretBot.Cards.Catalog;
using SecretBot.Cards.Compose;
using SecretBot.Cards.Texts;

namespace SecretBot.Cards.Tests;

/// <summary>
/// Every card variant SecretBot can build so far, in both languages, from made-up inputs (the
/// real topic titles and questions come from the knowledge). Used by the schema test, the
/// official renderer test and the PNG export.
/// </summary>
public static class CardSamples
{
    public static IEnumerable<CardSample> All() => Enum.GetValues<Language>().SelectMany(For).Concat(KnowledgeCardSamples.All());

    public static TheoryData<CardSample> Theory() => new(All());

    private static IEnumerable<CardSample> For(Language language)
    {
        var texts = TextCatalog.For(language);
        var words = new SampleWords(language);
        CardSample Sample(string name, SecretBot.Cards.Model.AdaptiveCard card) => new(name, language, card);

        yield return Sample("question", QuestionCard.Create(texts, words.Question(2, 4, choices: 4)));
        yield return Sample("question-first", QuestionCard.Create(texts, words.Question(1, 3, choices: 2) with { Help = null }));
        yield return Sample("question-six-choices", QuestionCard.Create(texts, words.Question(3, 5, choices: 6)));
        yield return Sample("question-retry", QuestionCard.Create(texts, words.Question(2, 4, choices: 3) with { ShowRetryHint = true }));
        yield return Sample("question-danger-first", QuestionCard.Create(texts, words.Question(1, 3, choices: 3) with
        {
            TopicTitle = words.Topics[3].Title,
            Emergency = [new EmergencyNumber("112", language == Language.Fr ? "Urgences" : "Emergencies"), new EmergencyNumber("119", language == Language.Fr ? "Enfance en danger" : "Children in danger")],
        }));
        yield return Sample("understood", UnderstoodCard.Create(texts, new UnderstoodInput(words.Topics[1].Title,
            [new SecretBot.Cards.Model.Fact(language == Language.Fr ? "Fonction" : "Role", language == Language.Fr ? "Travail social" : "Social work")], false, [])));
        yield return Sample("understood-complete", UnderstoodCard.Create(texts, new UnderstoodInput(words.Topics[1].Title,
            [new SecretBot.Cards.Model.Fact(language == Language.Fr ? "Avec qui" : "With whom", language == Language.Fr ? "L'école" : "The school")], true, [])));
        yield return Sample("understood-danger", UnderstoodCard.Create(texts, new UnderstoodInput(words.Topics[1].Title, [], false,
            [new EmergencyNumber("112", language == Language.Fr ? "Urgences" : "Emergencies")])));
        yield return Sample("question-answered", AnsweredQuestionCard.Create(texts, words.Question(2, 4, choices: 4), "c2"));
        yield return Sample("question-answered-shared", AnsweredQuestionCard.Create(texts, words.Question(2, 4, choices: 4), "c2", shared: true));
        yield return Sample("welcome", WelcomeCard.Create(texts, new WelcomeCardInput(WelcomeScope.Personal, words.Topics, Jurisdiction.BE)));
        yield return Sample("welcome-team", WelcomeCard.Create(texts, new WelcomeCardInput(WelcomeScope.Channel, words.Topics, Jurisdiction.FR)));
        yield return Sample("help", HelpCard.Create(texts, words.Topics));
        yield return Sample("not-understood", NotUnderstoodCard.Create(texts, words.Topics.Take(2).ToArray()));
        yield return Sample("not-understood-one", NotUnderstoodCard.Create(texts, words.Topics.Take(1).ToArray()));
        yield return Sample("service-trouble", ServiceTroubleCard.Create(texts));
        yield return Sample("apology", ApologyCard.Create(texts));
        yield return Sample("jurisdiction-picker", JurisdictionPickerCard.Create(texts, Jurisdiction.BE));
        yield return Sample("jurisdiction-picker-unset", JurisdictionPickerCard.Create(texts, null));
        yield return Sample("language-picker", LanguagePickerCard.Create(texts));
        yield return Sample("channel-reminder", ChannelPrivacyReminderCard.Create(texts));
        yield return Sample("referent-offer", ReferentOfferCard.Create(texts, "Référents secret", "Camille Martin-Dubois"));
        yield return Sample("referent-offer-unnamed", ReferentOfferCard.Create(texts, "Référents secret", null));
        yield return Sample("answer-parts", AnswerPartsSample.Create(texts, words));
    }
}
