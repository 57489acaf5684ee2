using SecretBot.Dialogs.Turns;

namespace SecretBot.Dialogs.Runtime;

/// <summary>
/// Holds what a turn says until its state is saved: a turn re-run after a conflict then never
/// speaks twice, and a turn whose state could not be saved says nothing it cannot stand by.
/// </summary>
internal sealed class BufferedTurn(DialogTurnInput input) : IDialogTurn
{
    private readonly List<(string? UpdateId, OutgoingMessage Message)> _pending = [];

    public DialogTurnInput Input { get; } = input;

    public Task<string?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        _pending.Add((null, message));
        return Task.FromResult<string?>(null);
    }

    public Task UpdateAsync(string messageId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        _pending.Add((messageId, message));
        return Task.CompletedTask;
    }

    /// <summary>Says everything, in order; returns the ids of the messages that asked to be remembered.</summary>
    public async Task<IReadOnlyDictionary<string, string>> FlushAsync(IDialogTurn real, CancellationToken cancellationToken)
    {
        var remembered = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (updateId, message) in _pending)
        {
            if (updateId is not null)
            {
                await real.UpdateAsync(updateId, message, cancellationToken);
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
