using Microsoft.Extensions.Logging.Abstractions;
using SecretBot.Conversations.Escalation;
using SecretBot.Conversations.Privacy;
using SecretBot.Conversations.Search;

namespace SecretBot.Bot.Tests.Channels;

public sealed class IdentifyingDetailsTests
{
    private static readonly IdentifyingDetails Details = new(NullLogger<IdentifyingDetails>.Instance);

    [Theory]
    [InlineData("son numéro national est 85.07.30-033.28")]
    [InlineData("NN 85073003328 pour le dossier")]
    [InlineData("enfant né en 2015 : 15.03.15-123.83")]
    [InlineData("NIR 1 85 07 75 123 456 08")]
    [InlineData("numéro de sécu 185077512345608")]
    [InlineData("Corse : 2 90 05 2A 123 456 29")]
    [InlineData("appelez la maman au 0475 12 34 56")]
    [InlineData("tél +32 2 512 34 56")]
    [InlineData("son portable 06 12 34 56 78")]
    [InlineData("+33 6 12 34 56 78")]
    [InlineData("écrivez à lea.dupont@example.org")]
    [InlineData("née le 12/03/2010 à Namur")]
    [InlineData("date de naissance : 3 mars 2011")]
    [InlineData("il habite 12 rue des Lilas à Wavre")]
    [InlineData("Rue Haute 45, Bruxelles")]
    [InlineData("avenue Louise, 231")]
    public void IdentifyingDetailsAreSpotted(string text) => Assert.True(Details.AreIn(text), text);

    [Theory]
    [InlineData("l'article 458bis du Code pénal")]
    [InlineData("art. 226-13 et 226-14 du code pénal")]
    [InlineData("la loi du 8 avril 1965 et le décret du 12 mai 2004")]
    [InlineData("le Code de 2018, article 57 du décret du 04.03.1991")]
    [InlineData("puis-je partager avec la psy de la maman ?")]
    [InlineData("réunion le 12/03/2026 à 14h")]
    [InlineData("85.07.30-033.27 (clé fausse)")]
    [InlineData("arrêt 44/2019 de la Cour constitutionnelle")]
    [InlineData("un flic m'appelle, que dire ?")]
    [InlineData("nous sommes 12 dans l'équipe")]
    public void OrdinaryTextIsNotFlagged(string text) => Assert.False(Details.AreIn(text), text);
}
