using Microsoft.Extensions.Caching.Memory;
using SecretBot.Dialogs.State;
using SecretBot.Protocol.Configuration;
using SecretBot.Conversations.Preferences;
using SecretBot.Conversations.Turns;

namespace SecretBot.Conversations.Escalation;

/// <summary>
/// Token buckets for posts to the référents' channel, one per person and one per conversation,
/// so that nobody floods the référents or spends the bot's Teams quota in their tenant. Keyed by
/// digests; buckets left alone are forgotten.
/// </summary>
public sealed class ReferentThrottle(EscalationOptions options, KeyedDigest digest, TimeProvider clock) : IDisposable
{
    private readonly MemoryCache _buckets = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    private readonly Lock _gate = new();

    /// <summary>Takes one post from both the person's and the conversation's bucket, or none when either is empty.</summary>
    public bool TryTake(string userId, string conversationId)
    {
        lock (_gate)
        {
            var person = Bucket("u" + digest.Key(userId), options.PostsPerPerson);
            var conversation = Bucket("c" + digest.Key(conversationId), options.PostsPerConversation);
            var now = clock.GetUtcNow();
            if (!person.HasOne(now) || !conversation.HasOne(now))
            {
                return false;
            }

            person.Take();
            conversation.Take();
            return true;
        }
    }

    public void Dispose() => _buckets.Dispose();

    private TokenBucket Bucket(string key, int capacity) =>
        _buckets.GetOrCreate(key, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = options.RefillInterval * capacity;
            return new TokenBucket(capacity, options.RefillInterval, clock.GetUtcNow());
        })!;

    private sealed class TokenBucket(int capacity, TimeSpan refill, DateTimeOffset start)
    {
        private double _tokens = capacity;
        private DateTimeOffset _updated = start;

        public bool HasOne(DateTimeOffset now)
        {
            _tokens = Math.Min(capacity, _tokens + (now - _updated) / refill);
            _updated = now;
            return _tokens >= 1;
        }

        public void Take() => _tokens -= 1;
    }
}
