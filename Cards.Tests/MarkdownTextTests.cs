using System.Text.RegularExpressions;
using CsCheck;
using SecretBot.Cards.Model;

namespace SecretBot.Cards.Tests;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("[cliquez](https://evil.example)", @"\[cliquez\]\(https://evil.example\)")]
    [InlineData("**gras** et _italique_", @"\*\*gras\*\* et \_italique\_")]
    [InlineData("# Titre", @"\# Titre")]
    [InlineData("- puce", @"\- puce")]
    [InlineData("  + puce", @"  \+ puce")]
    [InlineData("> citation", @"\> citation")]
    [InlineData("![image](x.png)", @"\!\[image\]\(x.png\)")]
    [InlineData("1. premier", @"1\. premier")]
    [InlineData("12) douzième", @"12\) douzième")]
    [InlineData("<at>Nom</at>", @"\<at\>Nom\</at\>")]
    [InlineData("`code` ~~barré~~ | table", @"\`code\` \~\~barré\~\~ \| table")]
    [InlineData(@"C:\dossier", @"C:\\dossier")]
    [InlineData("===", @"\===")]
    public void EscapesWhatMarkdownWouldInterpret(string userText, string expected) =>
        Assert.Equal(expected, MarkdownText.Escape(userText));

    [Theory]
    [InlineData("Un tiret - au milieu, un + et un ! et 3. dans la phrase")]
    [InlineData("L'éducatrice a 2 ans d'ancienneté.")]
    public void LeavesOrdinaryProseAlone(string text) => Assert.Equal(text, MarkdownText.Escape(text));

    [Fact]
    public void EscapesAtTheStartOfEveryLine() =>
        Assert.Equal("a\n\\- b\n2\\. c", MarkdownText.Escape("a\r\n- b\r2. c"));

    [Fact]
    public void RemovingTheEscapesGivesBackTheText() =>
        Gen.String.Sample(text =>
        {
            var normalised = text.Replace("\r\n", "\n").Replace('\r', '\n');
            return Unescape(MarkdownText.Escape(text)) == normalised;
        });

    [Fact]
    public void NoSpecialCharacterIsLeftUnescaped() =>
        Gen.String[Gen.Char["*_[]()`~|<>#\\ab \n"], 0, 40].Sample(text =>
            !Unescaped.IsMatch(MarkdownText.Escape(text)));

    [Fact]
    public void VerbatimBlocksKeepTheirLineBreaksAsParagraphs() =>
        Assert.Equal("1\\. Premier\n\n\\- second", TextBlock.Verbatim("1. Premier\n\n\n- second").Text);

    // A special character not preceded by an odd number of backslashes.
    private static readonly Regex Unescaped = new(@"(?<!\\)(\\\\)*[*_\[\]()`~|<>#]");

    private static string Unescape(string escaped) => Regex.Replace(escaped, @"\\(\p{P}|\p{S})", "$1");
}
