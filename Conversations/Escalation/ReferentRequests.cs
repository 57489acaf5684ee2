using System.Text.Json;
using SecretBot.Conversations.Turns;
using SecretBot.Dialogs.State;
using SecretBot.Knowledge.Model;
using SecretBot.Protocol.Schema;

namespace SecretBot.Conversations.Escalation;

/// <summary>What a référent's « Je m’en occupe » finds: the request was open and is now theirs, or not.</summary>
public enum TakeOutcome { Taken, AlreadyTaken, Expired }

/// <summary>An open request as stored: where to tell the requester (ids only) and in which language.</summary>
public sealed record OpenRequest(ConversationReference Requester, Language Language);

/// <summary>
/// The requests posted to the référents, each under a keyed digest of its random id for
/// <see cref="EscalationOptions.RequestTtl"/>: ids to reach the requester and their language —
/// never a name, never anything typed. The first « Je m’en occupe » takes it; later ones find it taken.
/// </summary>
public sealed class ReferentRequests(IStateStore store, StateKeys keys, EscalationOptions options)
{
    public Task OpenAsync(string requestId, OpenRequest request, CancellationToken cancellationToken) =>
        store.WriteAsync(keys.ReferentRequest(requestId), JsonSerializer.SerializeToUtf8Bytes(Stored.From(request)), null, options.RequestTtl,
            cancellationToken);

    /// <summary>Takes the request for a référent, once: the requester to tell when it was open.</summary>
    public async Task<(TakeOutcome Outcome, OpenRequest? Request)> TakeAsync(string requestId, CancellationToken cancellationToken)
    {
        var key = keys.ReferentRequest(requestId);
        var item = await store.ReadAsync(key, cancellationToken);
        if (item is null || Read(item.Value) is not { } stored || stored.ToRequest() is not { } request)
        {
            return (TakeOutcome.Expired, null);
        }

        if (stored.Taken)
        {
            return (TakeOutcome.AlreadyTaken, null);
        }

        // Two référents at once: the store's compare-and-set lets one of them through.
        var written = await store.WriteAsync(key, JsonSerializer.SerializeToUtf8Bytes(stored with { Taken = true }), item.ETag, options.RequestTtl,
            cancellationToken);
        return written.Written ? (TakeOutcome.Taken, request) : (TakeOutcome.AlreadyTaken, null);
    }

    private static Stored? Read(byte[] value)
    {
        try
        {
            return JsonSerializer.Deserialize<Stored>(value);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Stored(string ServiceUrl, string ChannelId, string BotId, string UserId, string? TenantId, string? ConversationId,
        string Language, bool Taken)
    {
        public static Stored From(OpenRequest request) => new(request.Requester.ServiceUrl, request.Requester.ChannelId, request.Requester.BotId,
            request.Requester.UserId, request.Requester.TenantId, request.Requester.ConversationId, request.Language.Tag(), false);

        public OpenRequest? ToRequest() => Languages.Parse(Language) is { } language && !string.IsNullOrEmpty(ServiceUrl) && !string.IsNullOrEmpty(UserId)
            ? new OpenRequest(new ConversationReference(ServiceUrl, ChannelId, BotId, UserId, TenantId, ConversationId), language)
            : null;
    }
}
