using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using SecretBot.Conversations.Escalation;
using SecretBot.Conversations.Privacy;
using SecretBot.Conversations.Search;
using SecretBot.Bot.Tests.Conversations;
using SecretBot.Testing;

namespace SecretBot.Bot.Tests.Hardening;

/// <summary>
/// Text that made the bot backtrack for minutes (the security review's M1 and m9): the worst
/// shape for the old street-address pattern, in a group chat where the identifying-details check
/// runs, and the same in the search box. Each is answered well under a second now.
/// </summary>
public sealed class LongInputTests : IAsyncLifetime
{
    /// <summary>About 250 KB of text, inside the default 256 KB body limit with the activity around it.</summary>
    private const int Long = 250 * 1024;

    private LocalConnector _connector = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Bot:Language"] = "fr", ["Bot:DefaultJurisdiction"] = "BE" });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    public static TheoryData<string, string> WorstShapes => new()
    {
        { "a number, then spaces", "1" + new string(' ', Long) + "x" },
        // Escaped as \u00a0 in the JSON body: six bytes each.
        { "a number, then no-break spaces", "1" + new string('\u00A0', Long / 7) + "x" },
        { "numbers and spaces", string.Concat(Enumerable.Repeat("12 ", Long / 3)) },
        { "dots and letters (e-mail)", string.Concat(Enumerable.Repeat("a.", Long / 2)) },
    };

    [Theory]
    [MemberData(nameof(WorstShapes))]
    public async Task AGroupChatMessageOfTheWorstShapeIsAnsweredWellUnderASecond(string shape, string text)
    {
        var user = new TeamsUser(_bot, _connector, $"group-{Guid.NewGuid():N}", "fr-BE", "groupChat");
        await user.MentionAsync("bonjour");

        var clock = Stopwatch.StartNew();
        var replies = await user.MentionAsync(text);
        clock.Stop();

        Assert.NotEmpty(replies);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"{shape}: {clock.Elapsed.TotalMilliseconds:F0} ms");
        Figures.Report($"hardening.long-input ({shape})", $"{text.Length:N0} characters in a group chat: {clock.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task ALongSearchQueryIsCutAndAnsweredWellUnderASecond()
    {
        var user = new TeamsUser(_bot, _connector, $"search-{Guid.NewGuid():N}");
        var query = string.Concat(Enumerable.Repeat("secrt partge polise ", Long / 20));

        var clock = Stopwatch.StartNew();
        var answer = await user.SearchAsync(query);
        clock.Stop();

        Assert.Equal("result", (string?)answer["composeExtension"]!["type"]);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"{clock.Elapsed.TotalMilliseconds:F0} ms");
        Figures.Report("hardening.long-search", $"{query.Length:N0} characters in the search box: {clock.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public void TheIdentifyingDetailsPatternsRunInLinearTimeWithATimeout()
    {
        Assert.All(IdentifyingDetails.Patterns, pattern =>
        {
            Assert.True(pattern.Options.HasFlag(RegexOptions.NonBacktracking), pattern.ToString());
            Assert.NotEqual(Regex.InfiniteMatchTimeout, pattern.MatchTimeout);
        });
    }

    [Fact]
    public void OnlyTheStartOfAVeryLongMessageIsChecked()
    {
        var details = new IdentifyingDetails(NullLogger<IdentifyingDetails>.Instance);
        var early = "appelez la maman au 0475 12 34 56 " + new string('x', IdentifyingDetails.ScannedChars);
        var late = new string('x', IdentifyingDetails.ScannedChars) + " appelez la maman au 0475 12 34 56";

        Assert.True(details.AreIn(early));
        Assert.False(details.AreIn(late));
    }
}
