using SecretBot.Dialogs.Turns;

namespace SecretBot.Dialogs.Runtime;

/// <summary>
/// Holds what a turn says until its state is saved: a turn re-run after a conflict then never
/// speaks twice, and a turn whose state could not be saved says nothing it cannot stand by.
/// </summary>
internal sealed class BufferedTurn(DialogTurnInput input) : IDialogTurn
{
    private readonly List<(Operation Kind, string? UpdateId, OutgoingMessage Message)> _pending = [];
    private readonly List<ReferentRequest> _requests = [];

    private enum Operation { Send, Update, PostToReferents }

    public DialogTurnInput Input { get; } = input;

    public Task<string?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        _pending.Add((Operation.Send, null, message));
        return Task.FromResult<string?>(null);
    }

    public Task UpdateAsync(string messageId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        _pending.Add((Operation.Update, messageId, message));
        return Task.CompletedTask;
    }

    /// <summary>Held like the rest: the host decides whether it may be posted only when the turn is saved.</summary>
    public Task PostToReferentsAsync(ReferentRequest request, CancellationToken cancellationToken)
    {
        _requests.Add(request);
        _pending.Add((Operation.PostToReferents, null, request.Post));
        return Task.CompletedTask;
    }

    /// <summary>Says everything, in order; returns the ids of the messages that asked to be remembered.</summary>
    public async Task<IReadOnlyDictionary<string, string>> FlushAsync(IDialogTurn real, CancellationToken cancellationToken)
    {
        var remembered = new Dictionary<string, string>(StringComparer.Ordinal);
        var requests = new Queue<ReferentRequest>(_requests);
        foreach (var (kind, updateId, message) in _pending)
        {
            if (kind == Operation.Update)
            {
                await real.UpdateAsync(updateId!, message, cancellationToken);
                continue;
            }

            if (kind == Operation.PostToReferents)
            {
                await real.PostToReferentsAsync(requests.Dequeue(), cancellationToken);
                continue;
            }

            var id = await real.SendAsync(message, cancellationToken);
            if (message.RememberAs is { } name && id is not null)
            {
                remembered[name] = id;
            }
        }

        return remembered;
    }
}
