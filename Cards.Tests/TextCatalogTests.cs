using System.Text.RegularExpressions;
using SecretBot.Cards.Texts;

namespace SecretBot.Cards.Tests;

public sealed class TextCatalogTests
{
    private static readonly TextCatalog Fr = TextCatalog.For(Language.Fr);
    private static readonly TextCatalog En = TextCatalog.For(Language.En);

    [Fact]
    public void BothLanguagesHaveTheSameTextsNoneEmpty()
    {
        Assert.Equal(Fr.Keys.Order(), En.Keys.Order());
        Assert.All(Fr.Keys, key =>
        {
            Assert.False(string.IsNullOrWhiteSpace(Fr[key]), key);
            Assert.False(string.IsNullOrWhiteSpace(En[key]), key);
        });
    }

    [Fact]
    public void BothLanguagesUseTheSamePlaceholders() =>
        Assert.All(Fr.Keys, key => Assert.Equal(Placeholders(Fr[key]), Placeholders(En[key])));

    [Fact]
    public void TheBriefsWordsAreThere()
    {
        Assert.Equal(Typography.French("Pourquoi cette question ?"), Fr["action.why"]);
        Assert.Equal("Question 2 sur 4", Fr.Format("question.progress", 2, 4));
        Assert.Equal("Question 2 of 4", En.Format("question.progress", 2, 4));
        Assert.Equal("À qui en parler", Fr["notAlone.title"]);
        // Honest: the bot keeps nothing, Teams keeps the chat like any other.
        Assert.Contains("ne garde rien", Fr["privacy.promise"], StringComparison.Ordinal);
        Assert.Contains("historique Teams", Fr["privacy.promise"], StringComparison.Ordinal);
        Assert.Contains("pas un avis sur votre situation", Fr["footer.disclaimer"], StringComparison.Ordinal);
        Assert.Equal("fr", Fr.Tag);
        Assert.Equal("en", En.Tag);
    }

    [Fact]
    public void AMissingKeyNamesItself()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Fr["no.such.text"]);
        Assert.Contains("no.such.text", error.Message, StringComparison.Ordinal);
    }

    private static string[] Placeholders(string text) =>
        Regex.Matches(text, @"\{\d+\}").Select(match => match.Value).Order().ToArray();
}
