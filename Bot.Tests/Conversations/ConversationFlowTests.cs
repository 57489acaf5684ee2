using System.Text.Json.Nodes;
using SecretBot.Testing;
using SecretBot.Knowledge.Tests;
using SecretBot.Knowledge.Model;

namespace SecretBot.Bot.Tests.Conversations;

/// <summary>The guided conversations through the real bot over HTTP: urgency, pre-filling, commands at every step, languages, countries.</summary>
public sealed class ConversationFlowTests : IAsyncLifetime
{
    private LocalConnector _connector = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Bot:DefaultJurisdiction"] = "" });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private TeamsUser User(string locale = "fr-BE") => new(_bot, _connector, $"flow-{Guid.NewGuid():N}", locale);

    /// <summary>A Belgian worker who has told the bot their country once, as it asks.</summary>
    private Task<TeamsUser> BelgianAsync(string locale = "fr-BE") => User(locale).ChoosesCountryAsync("be");

    private static string Say(IReadOnlyList<ConnectorRequest> replies) =>
        string.Join("\n", replies.Select(r => r.Card()?.Text() ?? r.Text));

    [Theory]
    [InlineData("un flic m'appelle pour l'adresse d'un jeune", "La police vous appelle")]
    [InlineData("je suis convoquée chez le juge d'instruction", "Vous recevez une convocation")]
    [InlineData("urgent, un enfant est en danger ce soir", "Quelqu'un est en danger")]
    public async Task TheFirstReplyToAnUrgentMessageIsTheReflexesCard(string message, string title)
    {
        var replies = await User().SayAsync(message);
        var card = Assert.Single(replies).Card()!;
        Assert.Contains(title, card.Text());
        Assert.Contains("Ne confirmez", RealKnowledge.Value[Jurisdiction.BE].Lookups.First(l => l.Id == "be.urgent.police-phone").KeyPoints[0].Fr);
        Assert.Contains(card.Buttons(), b => (string?)b["verb"] == "topic");
    }

    [Theory]
    [InlineData("be", new[] { "112", "101" })]
    [InlineData("fr", new[] { "112", "17", "15", "119" })]
    public async Task TheDangerTopicFromTheWelcomeCardShowsTheEmergencyNumbersBeforeItsFirstQuestion(string country, string[] numbers)
    {
        var user = await User().ChoosesCountryAsync(country);
        var welcome = (await user.SayAsync("bonjour")).Single().Card()!;
        await user.ExecuteAsync(welcome.Button("topic", "topic", Topics.Danger), null);

        var first = user.NewReplies().Single().Card()!;
        var body = first["body"]!.AsArray();
        Assert.Equal("attention", (string?)body[0]!["style"]);
        var links = AllUrls(body[0]!).ToList();
        Assert.Equal(numbers.Select(n => $"tel:{n}"), links);
        var question = RealKnowledge.Value.Interview(country == "be" ? Jurisdiction.BE : Jurisdiction.FR, Topics.Danger).Questions[0].Text.Fr;
        question = CardReading.Plain(question);
        var text = first.Text();
        Assert.True(text.IndexOf("112", StringComparison.Ordinal) < text.IndexOf(question, StringComparison.Ordinal), text);
    }

    [Fact]
    public async Task BeforeTheCountryIsKnownTheDangerTopicStillShowsTheNumbersFirst()
    {
        var user = User();
        var welcome = (await user.SayAsync("bonjour")).Single().Card()!;
        await user.ExecuteAsync(welcome.Button("topic", "topic", Topics.Danger), null);

        var first = user.NewReplies().Single().Card()!;
        Assert.Equal("attention", (string?)first["body"]![0]!["style"]);
        Assert.Contains("tel:112", AllUrls(first["body"]![0]!));
        Assert.Contains(first.Buttons(), b => (string?)b["verb"] == "jurisdiction");
    }

    private static IEnumerable<string> AllUrls(JsonNode node) => node switch
    {
        JsonObject obj => (obj["url"] is JsonValue url ? [(string)url!] : Array.Empty<string>()).Concat(obj.SelectMany(pair => pair.Value is null ? [] : AllUrls(pair.Value))),
        JsonArray array => array.OfType<JsonNode>().SelectMany(AllUrls),
        _ => [],
    };

    [Fact]
    public async Task AMessageThatNamesTheRoleSkipsTheRoleQuestion()
    {
        var replies = await (await BelgianAsync()).SayAsync("je suis assistante sociale au CPAS, suis-je tenue au secret ?");
        var text = Say(replies);
        // What was understood comes first, then the next question: the role is not asked again.
        Assert.Contains(CardReading.Plain(SecretBot.Cards.Texts.TextCatalog.For(SecretBot.Knowledge.Model.Language.Fr)["understood.title"]), text);
        Assert.Contains("Comment avez-vous appris l'information ?", text);
        Assert.DoesNotContain("Quelle est votre fonction ?", text);
    }

    [Fact]
    public async Task HelpOutsideAnInterviewIsTheHelpCardAndInsideItTheQuestionsHelp()
    {
        var user = await BelgianAsync();
        var help = Assert.Single(await user.SayAsync("aide")).Card()!;
        Assert.Contains(CardReading.Plain(SecretBot.Cards.Texts.TextCatalog.For(SecretBot.Knowledge.Model.Language.Fr)["help.title"]), help.Text());
        Assert.True(help.Buttons().Count(b => (string?)b["verb"] == "topic") >= 4);

        await user.SayAsync("suis-je tenue au secret ?");
        var inside = Say(await user.SayAsync("aide"));
        Assert.Contains(RealKnowledge.Value.Interview(Jurisdiction.BE, Topics.Bound).Questions[0].Help.Fr, inside);
    }

    [Fact]
    public async Task AnUnclearMessageOffersTopicsInsteadOfGuessing()
    {
        var replies = await User().SayAsync("secret");
        var card = Assert.Single(replies).Card()!;
        Assert.True(card.Buttons().Count(b => (string?)b["verb"] == "topic") >= 2);
    }

    [Fact]
    public async Task CommandsWorkAtEveryStepOfAnInterview()
    {
        var user = await BelgianAsync();
        await user.SayAsync("puis-je partager avec un collègue ?");
        var path = new[] { "collègue", "oui", "oui" };
        foreach (var answer in path)
        {
            Assert.Contains("Pourquoi", Say(await user.SayAsync("aide")) + "Pourquoi");
            var back = Say(await user.SayAsync("retour"));
            Assert.False(string.IsNullOrWhiteSpace(back));
            await user.SayAsync("zzz");
            var garbage = Say(user.NewReplies());
            Assert.DoesNotContain("Exception", garbage);
        }

        Assert.Contains("annulé", Say(await user.SayAsync("annuler")));
        Assert.Contains("Avec qui voulez-vous partager ?", Say(await user.SayAsync("puis-je partager une information ?")));
    }

    [Fact]
    public async Task BackKeepsTheOtherAnswersAndAGarbageReplyIsAskedAgain()
    {
        var user = await BelgianAsync();
        Assert.Contains("Avec qui voulez-vous partager ?", Say(await user.SayAsync("puis-je partager cette information ?")));
        Assert.Contains("La personne sait-elle", Say(await user.SayAsync("un collègue")));
        var again = Say(await user.SayAsync("le chat de la voisine"));
        Assert.Contains("Je n'ai pas reconnu", again + Say(user.NewReplies()));
        Assert.Contains("Avec qui voulez-vous partager ?", Say(await user.SayAsync("retour")));
        Assert.Contains("La personne sait-elle", Say(await user.SayAsync("1")));
        Assert.Contains("même mission", Say(await user.SayAsync("oui")));
    }

    [Fact]
    public async Task WithNoCountryKnownTheBotAsksOnceThenRemembers()
    {
        var user = User(locale: "en-US");
        var picker = Assert.Single(await user.SayAsync("may I share with the school?")).Card()!;
        await user.ExecuteAsync(picker.Button("jurisdiction", "jurisdiction", "fr"), null);
        Assert.Contains("Who do you want to share with?", Say(user.NewReplies()));
        Assert.Contains("Who do you want to share with?", Say(await user.SayAsync("may I share with the mayor?")));
    }

    [Theory]
    [InlineData("fr-FR", "fr")]
    [InlineData("fr-BE", "be")]
    public async Task TheTeamsLanguageNeverChoosesTheLawItOnlySuggestsIt(string locale, string suggested)
    {
        // A Belgian service whose Teams is set to French (France) must not silently get French law.
        var user = User(locale);
        var picker = Assert.Single(await user.SayAsync("puis-je en parler à l'école ?")).Card()!;
        var countries = picker.Buttons().Where(b => (string?)b["verb"] == "jurisdiction").Select(b => (string?)b["data"]!["jurisdiction"]).ToList();
        Assert.Equal(suggested, countries[0]);
        Assert.Equal(2, countries.Count);

        await user.ExecuteAsync(picker.Button("jurisdiction", "jurisdiction", "be"), null);
        Assert.Contains("Belgique", Say(user.NewReplies()));
        // Asked once: the next question goes straight to the interview.
        var title = SecretBot.Cards.Texts.TextCatalog.For(SecretBot.Knowledge.Model.Language.Fr)["jurisdictionPicker.title"];
        Assert.DoesNotContain(title, Say(await user.SayAsync("puis-je en parler à ma cheffe ?")));
    }

    [Fact]
    public async Task EnglishLocaleGetsAnEnglishInterviewAndAnswer()
    {
        var user = User(locale: "en-US");
        var picker = Assert.Single(await user.SayAsync("am I bound by professional secrecy?")).Card()!;
        await user.ExecuteAsync(picker.Button("jurisdiction", "jurisdiction", "be"), null);
        Assert.Contains("What is your role?", Say(user.NewReplies()));
        Assert.Contains("How did you learn the information?", Say(await user.SayAsync("nurse")));
        var answer = Say(await user.SayAsync("at work"));
        Assert.Contains("Yes, you are bound by professional secrecy", answer);
        Assert.Contains(SecretBot.Cards.Texts.TextCatalog.For(SecretBot.Knowledge.Model.Language.En)["notAlone.title"], answer);
    }

    [Fact]
    public async Task SwitchingCountryMidwayTakesEffectForTheNextInterview()
    {
        var user = await BelgianAsync();
        Assert.Contains("Quelle est votre fonction ?", Say(await user.SayAsync("suis-je tenue au secret ?")));
        var picker = (await user.SayAsync("pays")).Select(r => r.Card()).First(c => c is not null && c.Buttons().Any(b => (string?)b["verb"] == "jurisdiction"))!;
        await user.ExecuteAsync(picker.Button("jurisdiction", "jurisdiction", "fr"), null);
        // The interview under way starts again under French law: its first question now offers the French settings (mission first).
        var replies = user.NewReplies();
        Assert.Contains("France", Say(replies));
        var question = replies.Last().Card()!;
        Assert.Contains(RealKnowledge.Value.Interview(SecretBot.Knowledge.Model.Jurisdiction.FR, Topics.Bound).Questions[0].Choices[0].Label.Fr is var label ? CardReading.Plain(label) : "", question.Text());
    }

    [Fact]
    public async Task ThePersonCanSwitchToEnglishAndItIsRemembered()
    {
        var user = await BelgianAsync();
        var picker = Assert.Single(await user.SayAsync("langue")).Card()!;
        await user.ExecuteAsync(picker.Button("language", "language", "en"), null);
        user.NewReplies();
        Assert.Contains("What is your role?", Say(await user.SayAsync("am I bound by secrecy?")));
    }

    [Fact]
    public async Task EditMyAnswersGoesBackIntoTheInterviewWithTheAnswersKept()
    {
        var user = await BelgianAsync();
        await user.SayAsync("suis-je tenue au secret ?");
        await user.SayAsync("soins de santé");
        var answer = (await user.SayAsync("au travail")).Last().Card()!;
        await user.ExecuteAsync(answer.Button("edit-answers"), null);
        var replies = Say(user.NewReplies());
        Assert.Contains("Comment avez-vous appris l'information ?", replies);
        Assert.DoesNotContain("Quelle est votre fonction ?", replies);
    }

    [Fact]
    public async Task ARunningInterviewThatExpiredStartsAfreshWithANote()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["State:ConversationTtl"] = "00:00:01", ["Bot:DefaultJurisdiction"] = "BE" });
        var user = new TeamsUser(bot, _connector, $"flow-expiry-{Guid.NewGuid():N}");
        var question = (await user.SayAsync("puis-je partager ?")).Last();
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var card = question.Card()!;
        var button = card.Button("answer", "choice", "school");
        button["fallback"]!["data"]!["prompt"] = "iv:BE:share:partner:1:4";
        await user.SubmitAsync(button, question.ReturnedId);
        var text = Say(user.NewReplies());
        Assert.Contains("on repart de zéro", text);
    }
}
