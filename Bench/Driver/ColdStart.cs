using System.Diagnostics;
using System.Globalization;
using SecretBot.Bench.Hosting;
using SecretBot.Bench.Load;
using SecretBot.Bench.Peers;

namespace SecretBot.Bench.Driver;

/// <summary>Cold starts of the product itself (SecretBot.Bot.dll, anonymous, Production settings), one process each.</summary>
/// <param name="FirstReplyMilliseconds">Process start to the first reply received by the connector sink, per start.</param>
/// <param name="AcceptedMilliseconds">Process start to the first request the bot accepted, per start.</param>
public sealed record ColdStartResult(IReadOnlyList<double> FirstReplyMilliseconds, IReadOnlyList<double> AcceptedMilliseconds, long ErrorCount)
{
    public double Median => FirstReplyMilliseconds.Count == 0 ? 0 : FirstReplyMilliseconds.Order().ElementAt(FirstReplyMilliseconds.Count / 2);
}

public static class ColdStart
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task<ColdStartResult> MeasureAsync(LocalConnector sink, int starts)
    {
        var replies = new List<double>();
        var accepted = new List<double>();
        long errors = 0;
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = Patience };
        var template = new TeamsActivities(sink.ServiceUrl).Message(Walks.PoliceThenShare[0].Text!);
        for (var start = 0; start < starts; start++)
        {
            var conversationId = $"a:bench-cold-{Guid.NewGuid():N}";
            var listener = new FirstReply();
            sink.Listen(conversationId, listener);
            var port = HostProcess.FreePort();
            await using var bot = HostProcess.Launch([RepositoryLayout.BotDll, "--urls", $"http://127.0.0.1:{port}"],
                BotSettings.For(BenchMode.Anonymous, sink), port, $"cold-start-{start + 1}.log");
            var body = template.Render(Slots(conversationId));
            var acceptedAt = await PostUntilAcceptedAsync(http, new Uri(bot.BaseUrl, "api/messages"), body, bot);
            var repliedAt = await listener.Arrived.WaitAsync(Patience).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : 0L);
            sink.Forget(conversationId);
            if (acceptedAt == 0 || repliedAt == 0)
            {
                errors++;
                continue;
            }

            accepted.Add(Milliseconds(acceptedAt - bot.StartedAt));
            replies.Add(Milliseconds(repliedAt - bot.StartedAt));
        }

        return new ColdStartResult(replies, accepted, errors);
    }

    /// <summary>Posts the first message again and again until the bot listens; returns when it was accepted (0: never).</summary>
    private static async Task<long> PostUntilAcceptedAsync(HttpClient http, Uri messages, byte[] body, HostProcess bot)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(Patience.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline && !bot.HasExited)
        {
            try
            {
                var content = new ByteArrayContent(body);
                content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
                using var response = await http.PostAsync(messages, content);
                return response.IsSuccessStatusCode ? Stopwatch.GetTimestamp() : 0;
            }
            catch (HttpRequestException)
            {
                // Not listening yet: try again at once, the start is what is measured.
                await Task.Delay(2);
            }
        }

        return 0;
    }

    private static string?[] Slots(string conversationId)
    {
        var slots = new string?[Enum.GetValues<Slot>().Length];
        slots[(int)Slot.ActivityId] = Guid.NewGuid().ToString();
        slots[(int)Slot.ConversationId] = conversationId;
        slots[(int)Slot.UserId] = "29:bench-cold-user";
        slots[(int)Slot.Timestamp] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return slots;
    }

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private sealed class FirstReply : IReplyListener
    {
        private readonly TaskCompletionSource<long> _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<long> Arrived => _arrived.Task;

        public void OnActivity(bool isUpdate, ReadOnlySpan<byte> body, long receivedAt, string returnedId)
        {
            if (!isUpdate && body.IndexOf("\"type\":\"typing\""u8) < 0)
            {
                _arrived.TrySetResult(receivedAt);
            }
        }
    }
}
