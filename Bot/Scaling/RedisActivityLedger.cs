using System.Globalization;
using System.Text;
using System.Text.Json;
using StackExchange.Redis;
using SecretBot.Protocol.Configuration;
using SecretBot.Protocol.Schema;
using SecretBot.Protocol.Turns;

namespace SecretBot.Bot.Scaling;

/// <summary>
/// The re-send ledger shared by every instance: a re-send that reaches another instance than the
/// first is answered once, with the same invoke response. One string per handled activity,
/// <c>{prefix}a:{keyed digest of conversation and activity id}</c>, set with an expiry of
/// <c>Bot:DuplicateWindow</c>; its value is the invoke response's status and JSON body
/// (<c>0</c> and nothing for an activity without one): what the bot answered, never what was sent.
/// Redis unreachable: nothing is found and nothing recorded (the state store fails the turn anyway).
/// </summary>
public sealed class RedisActivityLedger(IConnectionMultiplexer redis, KeyedDigest digest, string prefix, TimeSpan window,
    RedisOutageNotice outage) : IActivityLedger
{
    public async ValueTask<HandledActivity?> FindAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (Key(activity) is not { } key || !redis.IsConnected)
        {
            return null;
        }

        RedisValue value;
        try
        {
            value = await redis.GetDatabase().StringGetAsync(key);
        }
        catch (Exception exception) when (RedisOutageNotice.IsOutage(exception))
        {
            outage.Down();
            return null;
        }

        return value.IsNull ? null : Read((byte[])value!);
    }

    public async ValueTask MarkHandledAsync(Activity activity, InvokeResponse? response, CancellationToken cancellationToken)
    {
        if (Key(activity) is not { } key)
        {
            return;
        }

        try
        {
            await redis.GetDatabase().StringSetAsync(key, Write(response), window);
        }
        catch (Exception exception) when (RedisOutageNotice.IsOutage(exception))
        {
            outage.Down();
        }
    }

    /// <summary>The status in digits, a line feed, then the body's JSON (possibly empty).</summary>
    public static byte[] Write(InvokeResponse? response)
    {
        var status = Encoding.ASCII.GetBytes((response?.Status ?? 0).ToString(CultureInfo.InvariantCulture) + "\n");
        if (response?.Body is not { } body)
        {
            return status;
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), ProtocolJson.Options);
        return [.. status, .. json];
    }

    public static HandledActivity Read(ReadOnlySpan<byte> value)
    {
        var end = value.IndexOf((byte)'\n');
        var status = int.Parse(value[..end], CultureInfo.InvariantCulture);
        if (status == 0)
        {
            return HandledActivity.WithoutResponse;
        }

        var json = value[(end + 1)..];
        return new HandledActivity(new InvokeResponse(status, json.IsEmpty ? null : JsonSerializer.Deserialize<JsonElement>(json)));
    }

    private RedisKey? Key(Activity activity) =>
        string.IsNullOrEmpty(activity.Id) ? (RedisKey?)null : new RedisKey(prefix + "a:" + digest.Key($"{activity.Conversation?.Id}\n{activity.Id}"));
}
