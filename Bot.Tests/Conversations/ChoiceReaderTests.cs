using System.Text.Json;
using SecretBot.Cards.Texts;
using SecretBot.Conversations.Interviews;
using SecretBot.Conversations.Preferences;
using SecretBot.Dialogs.Engine;
using SecretBot.Dialogs.State;
using SecretBot.Dialogs.Turns;
using SecretBot.Knowledge.Model;

namespace SecretBot.Bot.Tests.Conversations;

/// <summary>How a reply to a question is read, what a person's preferences keep, and that every notice of the engine has its words.</summary>
public sealed class ChoiceReaderTests
{
    private static readonly Question Role = RealKnowledge.Value.Interview(Jurisdiction.BE, Topics.Bound).Questions.First(q => q.Id == "role");

    [Theory]
    [InlineData("Santé : médecine, soins, psychologie…", "health")]
    [InlineData("SANTE", "health")]
    [InlineData("infirmière", "health")]
    [InlineData("infirmiere", "health")]
    [InlineData("infirmeire", "health")]
    [InlineData("je suis infirmier", "health")]
    [InlineData("nurse", "health")]
    [InlineData("1", "health")]
    [InlineData("l'école", "school_staff")]
    [InlineData("assistante sociale", "social")]
    public void AReplyIsReadByNumberLabelWordOrSmallTypoInEitherLanguage(string typed, string expected)
    {
        var (kind, choice) = ChoiceReader.Read(new DialogTurnInput(typed, null), Topics.Bound, Role, Language.Fr);
        Assert.Equal(RecognitionKind.Recognized, kind);
        Assert.Equal(expected, choice!.Id);
    }

    [Theory]
    [InlineData("je ne sais plus trop")]
    [InlineData("99")]
    [InlineData("")]
    public void AReplyThatFitsNoChoiceIsNotGuessed(string typed) =>
        Assert.Equal(RecognitionKind.NotRecognized, ChoiceReader.Read(new DialogTurnInput(typed, null), Topics.Bound, Role, Language.Fr).Kind);

    [Fact]
    public void AClickOnAnotherQuestionsCardIsStaleAndOnThisOneIsItsChoice()
    {
        var stale = JsonSerializer.SerializeToElement(new { topic = Topics.Bound, question = "context", choice = "at_work" });
        var fresh = JsonSerializer.SerializeToElement(new { topic = Topics.Bound, question = "role", choice = "social" });
        Assert.Equal(RecognitionKind.Stale, ChoiceReader.Read(new DialogTurnInput(null, stale), Topics.Bound, Role, Language.Fr).Kind);
        Assert.Equal("social", ChoiceReader.Read(new DialogTurnInput(null, fresh), Topics.Bound, Role, Language.Fr).Choice!.Id);
    }

    [Fact]
    public async Task PreferencesKeepOnlyACountryAndALanguageAndIgnoreAnythingElseStored()
    {
        var store = new MemoryStateStore();
        var keys = TestDigests.Keys;
        var preferences = new PreferencesStore(store, new StateOptions(), keys);
        await preferences.SetAsync("user-9", new UserPreferences(Jurisdiction.FR, Language.En), default);
        Assert.Equal(new UserPreferences(Jurisdiction.FR, Language.En), await preferences.GetAsync("user-9", default));
        Assert.Equal(UserPreferences.None, await preferences.GetAsync("user-10", default));

        await store.WriteAsync(keys.User("user-11"), """{"Jurisdiction":"Lyon","Language":"de"}"""u8.ToArray(), null, TimeSpan.FromMinutes(1), default);
        Assert.Equal(UserPreferences.None, await preferences.GetAsync("user-11", default));
    }

    [Fact]
    public void EveryEngineNoticeHasItsWordsInBothLanguages()
    {
        foreach (var language in Enum.GetValues<Language>())
        {
            foreach (var notice in Enum.GetValues<EngineNotice>())
            {
                var message = new NoticePresenter().Notice(notice, new DialogTurnInput("x", null));
                Assert.False(string.IsNullOrWhiteSpace(message.Text), $"{notice} says nothing");
                if (notice != EngineNotice.StateUnavailable)
                {
                    Assert.False(string.IsNullOrWhiteSpace(TextCatalog.For(language)[NoticePresenter.Key(notice)]));
                }
            }
        }
    }
}
