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
    [InlineData("il l'a frappée la semaine passée, ce n'est pas urgent", "urgent", false)]
    [InlineData("elle ne veut pas rentrer ce soir parce que son père va la tuer", "soir", true)]
    [InlineData("elle ne veut pas rentrer ce soir car il la frappe", "soir", true)]
    [InlineData("pas de danger pour ce soir", "soir", false)]
    public void ATimeWordAfterANegationIsDeniedOnlyWhenItIsWhatIsDenied(string text, string word, bool present) =>
        Assert.Equal(present, Reader.Read(text).PresentStems.Contains(Stem(word)));

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
