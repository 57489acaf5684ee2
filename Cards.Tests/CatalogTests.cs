using Jurisdiction = SecretBot.Knowledge.Model.Jurisdiction;
using System.Text.Json.Nodes;
using SecretBot.Cards.Catalog;
using SecretBot.Cards.Compose;
using SecretBot.Cards.Texts;

namespace SecretBot.Cards.Tests;

public sealed class CatalogTests
{
    private static readonly TextCatalog Fr = TextCatalog.For(Language.Fr);
    private static readonly SampleWords Words = new(Language.Fr);

    [Fact]
    public void AQuestionCardOffersEachChoiceAsAnAnswerButtonWithItsIds()
    {
        var question = Words.Question(2, 4, choices: 3);
        var json = QuestionCard.Create(Fr, question).ToJsonObject();

        var answers = Actions(json).Where(action => (string?)action["verb"] == CardVerbs.Answer).ToArray();
        // A label too long for a button is listed in full, and its button shows its number and the label's head.
        var labels = question.Labels(Language.Fr);
        var titles = answers.Select(action => (string)action["title"]!).ToList();
        Assert.Equal(labels.Count, titles.Count);
        for (var i = 0; i < labels.Count; i++)
        {
            var numbered = $"{i + 1}. ";
            Assert.True(titles[i] == labels[i]
                        || (titles[i].StartsWith(numbered, StringComparison.Ordinal) && labels[i].StartsWith(titles[i][numbered.Length..].TrimEnd('…'), StringComparison.Ordinal)),
                $"« {titles[i]} » for « {labels[i]} »");
        }

        Assert.All(answers.Zip(question.Choices), pair =>
        {
            var (action, choice) = pair;
            Assert.Equal("Action.Execute", (string?)action["type"]);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse($$"""{"topic":"share","question":"partner","choice":"{{choice.Id}}"}"""), action["data"]));
            Assert.Equal("Action.Submit", (string?)action["fallback"]!["type"]);
            Assert.Equal(CardVerbs.Answer, (string?)action["fallback"]!["data"]!["verb"]);
        });
        Assert.Contains(Texts(json), text => text == "Question 2 sur 4");
    }

    [Fact]
    public void AQuestionCardExplainsWhyBehindAToggleAndOffersBackAndCancel()
    {
        var json = QuestionCard.Create(Fr, Words.Question(2, 4, choices: 2)).ToJsonObject();
        var root = json["actions"]!.AsArray().Select(action => (string)action!["title"]!).ToArray();
        Assert.Equal(new[] { "Retour", "Annuler", "Autre sujet" }.Select(Typography.French), root);

        // The toggle has a row of its own under the choices: beside three buttons, a phone cuts its title.
        var toggle = Objects(json).Single(node => (string?)node["type"] == "Action.ToggleVisibility");
        Assert.Equal(Typography.French("Pourquoi cette question ?"), (string?)toggle["title"]);
        var target = (string?)toggle["targetElements"]![0];
        var help = Objects(json).Single(node => (string?)node["id"] == target);
        Assert.Equal(false, (bool?)help["isVisible"]);
        Assert.Contains(Texts(help), text => text.StartsWith("Les règles changent", StringComparison.Ordinal));
    }

    [Fact]
    public void TheFirstQuestionHasNoBackButtonAndNoHelpToggleWithoutHelp()
    {
        var json = QuestionCard.Create(Fr, Words.Question(1, 3, choices: 2) with { Help = null }).ToJsonObject();
        Assert.Equal(["Annuler", "Autre sujet"], json["actions"]!.AsArray().Select(action => (string?)action!["title"]));
    }

    [Fact]
    public void ARetriedQuestionSaysTheReplyWasNotRecognised()
    {
        var json = QuestionCard.Create(Fr, Words.Question(2, 4, choices: 2) with { ShowRetryHint = true }).ToJsonObject();
        Assert.Contains(Texts(json), text => text == Fr["question.retryHint"]);
    }

    [Fact]
    public void AQuestionNeedsTwoToSixDistinctChoicesAndAPossibleProgress()
    {
        Assert.Throws<ArgumentException>(() => Words.Question(1, 2, choices: 1));
        Assert.Throws<ArgumentException>(() => Words.Question(1, 2, choices: 7));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QuestionProgress(5, 4));
        Assert.Throws<ArgumentException>(() => new QuestionCardInput("t", "q", "Q ?", [new("a", new LocalizedText("A", "A"), [], []), new("a", new LocalizedText("B", "B"), [], [])], new QuestionProgress(1, 1)));
    }

    [Fact]
    public void AnAnsweredQuestionShowsTheChoiceAndNoButton()
    {
        var json = AnsweredQuestionCard.Create(Fr, Words.Question(2, 4, choices: 4), "c2").ToJsonObject();
        Assert.Empty(Actions(json));
        Assert.Contains(Texts(json), text => text == Typography.French("Votre réponse : L'école"));
        Assert.Throws<ArgumentException>(() => AnsweredQuestionCard.Create(Fr, Words.Question(2, 4, choices: 4), "nope"));
    }

    [Fact]
    public void InAGroupChatTheAnsweredQuestionSaysWhichAnswerWasChosenNotWhose()
    {
        var json = AnsweredQuestionCard.Create(Fr, Words.Question(2, 4, choices: 4), "c2", shared: true).ToJsonObject();
        Assert.Contains(Texts(json), text => text == Typography.French("Réponse choisie : L'école"));
        Assert.DoesNotContain(Texts(json), text => text.Contains("Votre", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(WelcomeScope.Personal, "Choisissez un thème")]
    [InlineData(WelcomeScope.Channel, "mentionnez-moi")]
    [InlineData(WelcomeScope.GroupChat, "cette conversation")]
    public void TheWelcomeCardGivesTopicsJurisdictionPromiseAndLimits(WelcomeScope scope, string how)
    {
        var json = WelcomeCard.Create(Fr, new WelcomeCardInput(scope, Words.Topics, Jurisdiction.BE)).ToJsonObject();
        var texts = Texts(json).ToArray();
        Assert.Contains(texts, text => text.Contains(how, StringComparison.Ordinal));
        Assert.Contains(texts, text => text.Contains("Belgique", StringComparison.Ordinal));
        Assert.Contains(Fr["privacy.promise"], texts);
        Assert.Contains(Fr["welcome.notReplace"], texts);
        var topics = Actions(json).Where(action => (string?)action["verb"] == CardVerbs.StartTopic);
        Assert.Equal(["bound", "share", "police", "danger"], topics.Select(action => (string?)action["data"]!["topic"]));
        Assert.Contains(Actions(json), action => (string?)action["verb"] == CardVerbs.AskJurisdiction);
    }

    [Fact]
    public void TheHelpCardListsEveryCommandInTheCardsLanguage()
    {
        var facts = Objects(HelpCard.Create(TextCatalog.For(Language.En), Words.Topics).ToJsonObject())
            .Where(node => node.ContainsKey("value") && node.ContainsKey("title"))
            .Select(node => (string?)node["title"]);
        Assert.Equal(["help", "restart", "cancel", "back", "country", "language"], facts);
    }

    [Fact]
    public void NotUnderstoodOffersOneToThreeTopics()
    {
        var json = NotUnderstoodCard.Create(Fr, Words.Topics.Take(3).ToArray()).ToJsonObject();
        Assert.Equal(3, Actions(json).Count(action => (string?)action["verb"] == CardVerbs.StartTopic));
        Assert.Throws<ArgumentException>(() => NotUnderstoodCard.Create(Fr, Words.Topics));
        Assert.Throws<ArgumentException>(() => NotUnderstoodCard.Create(Fr, []));
    }

    [Fact]
    public void ThePickersSendCodesAndMarkTheCurrentChoice()
    {
        var jurisdictions = Actions(JurisdictionPickerCard.Create(Fr, Jurisdiction.FR).ToJsonObject()).ToArray();
        Assert.Equal(["be", "fr"], jurisdictions.Select(action => (string?)action["data"]!["jurisdiction"]));
        Assert.Equal([null, "positive"], jurisdictions.Select(action => (string?)action["style"]));

        // With no country chosen yet, the one the Teams language suggests comes first, chosen for nobody.
        var suggested = Actions(JurisdictionPickerCard.Create(Fr, null, Jurisdiction.FR).ToJsonObject()).ToArray();
        Assert.Equal(["fr", "be"], suggested.Select(action => (string?)action["data"]!["jurisdiction"]));
        Assert.All(suggested, action => Assert.Null((string?)action["style"]));

        var languages = Actions(LanguagePickerCard.Create(Fr).ToJsonObject());
        Assert.Equal(["Français", "English"], languages.Select(action => (string?)action["title"]));
        Assert.Equal(["fr", "en"], languages.Select(action => (string?)action["data"]!["language"]));
    }

    [Fact]
    public void AQuestionCardNamesItsTopicAndTheDangerTopicOpensWithTappableEmergencyNumbers()
    {
        var numbers = new[] { new EmergencyNumber("112", "Urgences"), new EmergencyNumber("119", "Enfance en danger") };
        var json = QuestionCard.Create(Fr, Words.Question(1, 3, choices: 2) with { TopicTitle = "Quelqu'un est en danger", Emergency = numbers })
            .ToJsonObject();

        var body = json["body"]!.AsArray();
        Assert.Equal("attention", (string?)body[0]!["style"]);
        Assert.Contains(Texts(body[0]!), text => text.Contains("**112**", StringComparison.Ordinal));
        Assert.Equal(["tel:112", "tel:119"], Objects(body[0]!).Where(o => (string?)o["type"] == "Action.OpenUrl").Select(o => (string?)o["url"]));
        Assert.Equal(Typography.French("Quelqu'un est en danger"), (string?)body[1]!["text"]);
        Assert.StartsWith(Fr["emergency.title"], (string?)json["speak"]);
    }

    [Fact]
    public void WhatWasUnderstoodIsShownWithAWayToCorrectItAndConfirmedWhenComplete()
    {
        var facts = new[] { new SecretBot.Cards.Model.Fact("Fonction", "Travail social"), new SecretBot.Cards.Model.Fact("Avec qui", "L'école") };
        var partial = UnderstoodCard.Create(Fr, new UnderstoodInput("Puis-je partager ?", facts, Complete: false, [])).ToJsonObject();
        Assert.Equal([CardVerbs.CorrectUnderstood], Actions(partial).Select(a => (string?)a["verb"]));
        Assert.Contains(Texts(partial), text => text == Typography.French("Puis-je partager ?"));

        var complete = UnderstoodCard.Create(Fr, new UnderstoodInput("Puis-je partager ?", facts, Complete: true, [])).ToJsonObject();
        Assert.Equal([CardVerbs.ConfirmUnderstood, CardVerbs.CorrectUnderstood], Actions(complete).Select(a => (string?)a["verb"]));

        var danger = UnderstoodCard.Create(Fr, new UnderstoodInput("Puis-je partager ?", [], Complete: false, [new EmergencyNumber("112", "Urgences")]))
            .ToJsonObject();
        Assert.Contains(Objects(danger), o => (string?)o["url"] == "tel:112");
        Assert.Contains(Actions(danger), a => (string?)a["verb"] == CardVerbs.StartTopic && (string?)a["data"]!["topic"] == "danger");
    }

    [Fact]
    public void TheChannelReminderIsDiscreetAndOnlyGeneral()
    {
        var json = ChannelPrivacyReminderCard.Create(Fr).ToJsonObject();
        var block = Assert.Single(json["body"]!.AsArray())!;
        Assert.Equal("small", (string?)block["size"]);
        Assert.Equal(true, (bool?)block["isSubtle"]);
        Assert.Empty(Actions(json));
    }

    [Theory]
    [InlineData(Language.Fr, "fr")]
    [InlineData(Language.En, "en")]
    public void EveryCardIsInItsLanguageAndHasAHeadingWhenItHasATitle(Language language, string tag) =>
        Assert.All(CardSamples.All().Where(sample => sample.Language == language), sample =>
        {
            var json = sample.Card.ToJsonObject();
            Assert.Equal(tag, (string?)json["lang"]);
            if (sample.Name != "channel-reminder")
                Assert.Contains(Objects(json), node => (string?)node["style"] == "heading");
        });

    private static IEnumerable<JsonObject> Actions(JsonObject card) =>
        Objects(card).Where(node => ((string?)node["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true
            && node.Parent is JsonArray);

    private static IEnumerable<string> Texts(JsonNode card) =>
        Objects(card).Where(node => (string?)node["type"] is "TextBlock").Select(node => (string)node["text"]!);

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject obj => [obj, .. obj.SelectMany(pair => Objects(pair.Value))],
        JsonArray array => array.SelectMany(Objects),
        _ => [],
    };
}
