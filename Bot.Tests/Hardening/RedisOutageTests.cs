using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using SecretBot.Bot.Tests.Conversations;
using SecretBot.Testing;
using SecretBot.Cards.Catalog;
using SecretBot.Cards.Texts;
using SecretBot.Knowledge.Model;

namespace SecretBot.Bot.Tests.Hardening;

/// <summary>
/// Redis killed (SIGKILL) under load and started again on the same port a few seconds later: no
/// 5xx at all (each turn of the outage is answered 200 and the person gets a service message), one
/// error line per outage, no exception, and afterwards every conversation gets normal answers again
/// (its state went with the server's memory: it starts over).
/// </summary>
public sealed class RedisOutageTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private enum Phase { Before, Outage, After }

    private static readonly string[] Said =
    [
        "bonjour", "je suis infirmière, puis-je en parler à l'école ?", "oui", "aide", "annuler", "un policier m'appelle pour l'adresse d'un jeune",
    ];

    private static readonly string ServiceMessage = ServiceTroubleCard.Create(TextCatalog.For(Language.Fr)).FallbackText;

    [Fact]
    public async Task KilledAndRestartedRedisGivesServiceMessagesThenNormalAnswers()
    {
        var logs = new CapturingLoggerProvider();
        await using var connector = await LocalConnector.StartAsync();
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:Language"] = "fr",
            ["State:Provider"] = "Redis",
            ["State:Redis"] = redis.ConnectionString,
        }, logs: logs);
        var users = Enumerable.Range(0, 16).Select(i => new TeamsUser(bot, connector, $"outage-{i}", userId: $"outage-user-{i}")).ToList();
        var turns = new ConcurrentDictionary<(Phase, HttpStatusCode), int>();
        var serviceMessages = new ConcurrentDictionary<Phase, int>();
        var recoveredAfter = new ConcurrentDictionary<string, TimeSpan>();
        var clock = Stopwatch.StartNew();
        var phase = (int)Phase.Before;
        var restartedAt = TimeSpan.Zero;
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var http = new HttpClient();

        async Task TalkAsync(TeamsUser user)
        {
            for (var turn = 0; !giveUp.IsCancellationRequested && recoveredAfter.Count < users.Count && turn < 5_000; turn++)
            {
                var activity = user.Typed(Said[turn % Said.Length]);
                using var response = await http.PostAsync(bot.MessagesUrl, new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
                // A turn counts in the phase it was answered in: one sent just before the kill is answered during the outage.
                var now = (Phase)Volatile.Read(ref phase);
                turns.AddOrUpdate((now, response.StatusCode), 1, (_, n) => n + 1);
                var replies = user.NewReplies().Select(r => r.Text ?? r.Body?["summary"]?.GetValue<string>() ?? "").ToList();
                var outOfService = replies.Count(r => r == ServiceMessage);
                serviceMessages.AddOrUpdate(now, outOfService, (_, n) => n + outOfService);
                if (now == Phase.After && replies.Count > 0 && outOfService == 0)
                {
                    recoveredAfter.TryAdd(user.ConversationId, clock.Elapsed - restartedAt);
                }
            }
        }

        // Everyone in a conversation, the bot's connection to Redis up, before the load starts.
        foreach (var user in users)
        {
            await user.SayAsync("bonjour");
        }

        var talking = users.Select(TalkAsync).ToList();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await redis.StopAsync();
        Volatile.Write(ref phase, (int)Phase.Outage);
        var killedAt = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(4));
        await redis.StartAsync();
        restartedAt = clock.Elapsed;
        // Written before the phase, so that a turn that sees the phase sees the time too.
        Volatile.Write(ref phase, (int)Phase.After);
        await Task.WhenAll(talking);

        var errors = logs.Entries.Where(e => e.Level >= LogLevel.Error).ToList();
        Figures.Report("hardening.redis-outage", $"{users.Count} users talking without pause; " + string.Join("; ", Enum.GetValues<Phase>().Select(p =>
                $"{p}: {string.Join(", ", turns.Where(t => t.Key.Item1 == p).Select(t => $"{(int)t.Key.Item2} × {t.Value}"))}, {serviceMessages.GetValueOrDefault(p)} service messages"))
            + $"; outage {(restartedAt - killedAt).TotalSeconds:F1} s; {errors.Count} error line(s); normal answers again {recoveredAfter.Values.Min().TotalSeconds:F1} s " +
            $"after the restart for the first user, {recoveredAfter.Values.Max().TotalSeconds:F1} s for the last");

        Assert.All(turns.Keys, key => Assert.Equal(HttpStatusCode.OK, key.Item2));
        Assert.True(serviceMessages.Values.Sum() > 0, "the outage was never noticed");
        Assert.Equal(users.Count, recoveredAfter.Count);
        Assert.StartsWith("State store unreachable", Assert.Single(errors).Message);
        Assert.Single(logs.Entries, e => e.Message == "State store reachable again");
        Assert.DoesNotContain(logs.Entries, e => e.Exception is not null);
    }
}
