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
    public void TheUrgentDangerReflexesNeedADangerSaidNow(string text, bool urgent) =>
        Assert.Equal(urgent, Router.Decide(Jurisdiction.BE, text) is { Kind: RouteKind.Urgent } route
                             && RealKnowledge.Value[Jurisdiction.BE].Lookups.First(l => l.Id == route.Id).Situation == Situations.Danger);

    [Theory]
    [InlineData("la police m'appelle pour l'adresse d'un jeune", true)]
    [InlineData("un policier au téléphone veut savoir où habite un usager", true)]
    [InlineData("puis-je appeler la police sans son accord ?", false)]
    [InlineData("je viens d'appeler les gendarmes pour une femme battue", false)]
    public void ThePoliceOnThePhoneIsThePoliceCallingNotSomeoneCallingThem(string text, bool urgent) =>
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
    [InlineData("un policier est à l'accueil et veut voir un éducateur", Topics.Police)]
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
    public void WhatToDoIsThePoliceTopicWithThePoliceAndElseTheDangerTopic(string text, string topic) =>
        Assert.Equal(topic, Router.Decide(Jurisdiction.FR, text).Id);
}
