using SecretBot.Knowledge.Routing;
using SecretBot.Knowledge.Model;
using SecretBot.Knowledge.Search;

namespace SecretBot.Knowledge.Tests;

/// <summary>
/// How a typed message is read, each rule on both sides of its boundary: denied and past danger
/// words, time words after a negation, "here and now", the ways of asking, typos, who is asking.
/// </summary>
public sealed class MessageReaderTests
{
    private static readonly KnowledgeSearch Search = new(RealKnowledge.Value);
    private static readonly MessageReader Reader = new(RealKnowledge.Value, Search);
    private static readonly Router Router = new(RealKnowledge.Value, Search);
    private static string Stem(string word) => Search.Stems(word).Single();

    [Theory]
    [InlineData("aucun danger pour l'enfant", true)]
    [InlineData("pas de menace, juste des dettes", true)]
    [InlineData("personne n'est en danger", true)]
    [InlineData("je ne sais pas s'il est en danger", false)]
    [InlineData("pas sûr qu'il soit en danger", false)]
    [InlineData("l'enfant est en danger", false)]
    public void ADangerWordAfterANegationIsDenied(string text, bool denied) =>
        Assert.Equal(denied, !Reader.Read(text).SaysPresentDanger(Reader.DangerStems));

    [Theory]
    [InlineData("il la frappait il y a dix ans", false)]
    [InlineData("il la frappait il y a dix ans, et il la frappe encore", true)]
    [InlineData("il la frappe", true)]
    // The imperfect tells what was, unless the clause says it goes on.
    [InlineData("son compagnon la frappait", false)]
    [InlineData("son compagnon la frappait et la frappe encore", true)]
    [InlineData("son père le menaçait de mort", false)]
    [InlineData("son père le menace de mort", true)]
    public void APastCuePutsTheDangerInThePastUnlessItGoesOn(string text, bool present) =>
        Assert.Equal(present, Reader.Read(text).SaysPresentDanger(Reader.DangerStems));

    [Theory]
    // A time word right after the negation is denied; one further away, about something else, is not.
    [InlineData("il l'a frappée la semaine passée, ce n'est pas urgent", false)]
    [InlineData("elle ne veut pas rentrer ce soir parce que son père va la tuer", true)]
    [InlineData("elle ne veut pas rentrer ce soir car il la frappe", true)]
    [InlineData("pas de danger pour ce soir", false)]
    // Only "now" is now: not last night, not every night.
    [InlineData("hier soir il l'a frappée, elle est partie chez sa sœur", false)]
    [InlineData("un enfant fait des cauchemars la nuit, je suis inquiète", false)]
    [InlineData("il la frappe, elle a peur de rentrer cette nuit", true)]
    // Here and now without a time word: at the door, just gone, on the spot.
    [InlineData("le compagnon attend devant le centre avec un couteau", true)]
    [InlineData("il vient de partir du foyer avec une corde", true)]
    [InlineData("il avait un couteau la semaine passée", false)]
    // The danger and the "now" in one sentence; a question asked now ("que faire tout de suite ?") is about what was told.
    [InlineData("son compagnon la frappe. elle va bien maintenant, puis-je en parler à ma responsable ?", false)]
    [InlineData("elle a avalé toutes ses pilules. que faire tout de suite ?", true)]
    [InlineData("elle a avalé toutes ses pilules. tout de suite après, elle a vomi et va mieux.", false)]
    // A danger said in several words ("se jeter", "seul à la maison") is a danger like one word.
    [InlineData("une maman me dit au téléphone qu'elle va se jeter sous un train avec son bébé, là", true)]
    [InlineData("un enfant de 3 ans est seul à la maison depuis hier, je suis devant la porte", true)]
    [InlineData("un enfant de 3 ans est rentré à la maison, je suis devant la porte", false)]
    // "Devant le tribunal" is no "here and now".
    [InlineData("je suis convoqué comme témoin devant le tribunal, le secret me protège ?", false)]
    public void TheUrgentDangerReflexesNeedADangerSaidNow(string text, bool urgent) =>
        Assert.Equal(urgent, Router.Decide(Jurisdiction.BE, text) is { Kind: RouteKind.Urgent } route
                             && RealKnowledge.Value[Jurisdiction.BE].Lookups.First(l => l.Id == route.Id).Situation == Situations.Danger);

    [Theory]
    [InlineData("la police m'appelle pour l'adresse d'un jeune", true)]
    [InlineData("un policier au téléphone veut savoir où habite un usager", true)]
    [InlineData("puis-je appeler la police sans son accord ?", false)]
    [InlineData("je viens d'appeler les gendarmes pour une femme battue", false)]
    // At the door, the same reflexes: do not confirm, ask for a written request. Danger here and now comes first.
    [InlineData("un policier est à l'accueil et veut voir un éducateur", true)]
    [InlineData("les gendarmes sont devant le foyer, ils demandent le dossier d'un jeune", true)]
    [InlineData("la police est venue à l'accueil le mois dernier, j'ai bien fait de ne rien dire ?", false)]
    [InlineData("il la frappe en ce moment, la police est devant la porte", false)]
    public void ThePoliceOnThePhoneOrAtTheDoorIsThePoliceCallingNotSomeoneCallingThem(string text, bool urgent) =>
        Assert.Equal(urgent, Router.Decide(Jurisdiction.FR, text) is { Kind: RouteKind.Urgent } route
                             && RealKnowledge.Value[Jurisdiction.FR].Lookups.First(l => l.Id == route.Id).Situation == Situations.PolicePhone);

    [Theory]
    // "En parler" is the sharing question; "parler" alone in "venir parler d'une famille au commissariat" is not.
    [InlineData("on m'a demandé de venir au commissariat pour parler d'une famille, je suis obligée ?", Topics.Police)]
    [InlineData("la grand-mère veut savoir comment va son petit-fils", Topics.Share)]
    [InlineData("il a un couteau dans son sac", Topics.Danger)]
    public void AnIntentIsAWordOrAWholePhraseAndBringsItsTopicEvenWithoutKeywords(string text, string topic) =>
        Assert.Equal(topic, Router.Decide(Jurisdiction.FR, text).Id);

    [Theory]
    [InlineData("le secret continue après la mort du patient ?", "fr.deceased")]
    [InlineData("article 40, je suis fonctionnaire, je dois dénoncer tout délit ?", "fr.article-40")]
    [InlineData("On me parle de l'article 40. Alors, suis-je tenue au secret professionnel ?", Topics.Bound)]
    public void ALookUpNamedByItsOwnWordsAnswersUnlessTheQuestionIsAskedInAnotherSentence(string text, string expected) =>
        Assert.Equal(expected, Router.Decide(Jurisdiction.FR, text).Id);

    [Theory]
    [InlineData("l'institutrice veut savoir pourquoi l'enfant est suivi", "school")]
    [InlineData("puis-je en parler à l'école ?", "school")]
    [InlineData("puis-je en parler à la famille ? je n'ai rien dit à personne", "family")]
    // Where the speaker works is not whom the question names; and two possible partners pre-fill nothing.
    [InlineData("je suis assistante sociale à l'hôpital, puis-je transmettre son évaluation au CPAS ?", null)]
    [InlineData("puis-je parler de la situation avec le PMS avant d'en parler à l'école ?", null)]
    public void ThePartnerIsTheOneAskingOrTheOneTheQuestionNames(string text, string? partner) =>
        Assert.Equal(partner, Router.Decide(Jurisdiction.BE, text).Prefill.GetValueOrDefault("partner"));

    [Theory]
    [InlineData("le père est encore là et il la menace", true)]
    [InlineData("il menace de la tuer, là", true)]
    [InlineData("il était là hier et il l'a menacée", false)]
    [InlineData("la mère est la cause de ses bleus", false)]
    public void HereAndNowCountsAsNow(string text, bool now) =>
        Assert.Equal(now, Reader.Read(text).PresentStems.Contains(Stem("maintenant")));

    [Theory]
    [InlineData("est-ce que je peux le lui remettre ?", Topics.Share)]
    [InlineData("jpeux lui en parler ?", Topics.Share)]
    [InlineData("on peut leur donner ?", Topics.Share)]
    [InlineData("est-ce que je dois le signaler ?", Topics.Danger)]
    [InlineData("faut-il la signaler ?", Topics.Danger)]
    [InlineData("je peux venir demain ?", null)]
    [InlineData("il peut rentrer chez lui ?", null)]
    // An adverb between the form and the verb changes nothing.
    [InlineData("est-ce que je suis quand même tenue au secret ?", Topics.Bound)]
    [InlineData("je peux aussi en parler ?", Topics.Share)]
    [InlineData("je peux y mettre ce qu'elle m'a confié ?", Topics.Share)]
    [InlineData("je suis quand même fatiguée", null)]
    public void EveryWayOfAskingWithAModalReadsAsTheOneForm(string text, string? topic) =>
        Assert.Equal(topic, Reader.Read(text).AskedTopic);

    [Fact]
    public void ALongWordOneTypoAwayFromAKnownWordOrSynonymIsReadAsIt()
    {
        Assert.Contains(Stem("police"), Reader.Read("la gendarmrie a appelé").PresentStems);
        Assert.Contains(Stem("police"), Reader.Read("les jendarmes sont venus").PresentStems);
        // Short words are not guessed: "polce" stays what it is.
        Assert.DoesNotContain(Stem("police"), Reader.Read("polce").PresentStems);
    }

    [Theory]
    [InlineData("le procureur demande le dossier d'une famille", Topics.Police)]
    [InlineData("la juge de la jeunesse me demande un rapport", Topics.Police)]
    public void ThePoliceOrACourtAskingIsThePoliceTopic(string text, string topic) =>
        Assert.Equal(topic, Router.Decide(Jurisdiction.BE, text).Id);

    [Theory]
    [InlineData("le papa veut un rapport pour le tribunal, puis-je le lui donner ?")]
    [InlineData("la maman demande des nouvelles de son fils, puis-je lui en donner ?")]
    public void SomeoneElseAskingIsNotThePolice(string text) =>
        Assert.Equal(Topics.Share, Router.Decide(Jurisdiction.BE, text).Id);

    [Theory]
    [InlineData("un enfant arrive à l'école avec des marques, que faire ?", Topics.Danger)]
    [InlineData("la voisine dit que le bébé pleure toute la nuit, que faire ?", Topics.Danger)]
    [InlineData("la police veut le dossier d'un jeune, que faire ?", Topics.Police)]
    [InlineData("perquisition demain dans le service, on fait quoi ?", Topics.Police)]
    // Past abuse told: the danger topic answers for past facts, whether or not the victim files a complaint.
    [InlineData("elle a été violée il y a deux ans, elle ne veut pas porter plainte, je peux faire quelque chose ?", Topics.Danger)]
    [InlineData("son oncle la frappait quand elle était petite, elle refuse de porter plainte, que faire ?", Topics.Danger)]
    [InlineData("une usagère veut porter plainte contre son bailleur, que faire ?", Topics.Police)]
    public void WhatToDoIsThePoliceTopicWithThePoliceAndElseTheDangerTopic(string text, string topic) =>
        Assert.Equal(topic, Router.Decide(Jurisdiction.FR, text).Id);
}
