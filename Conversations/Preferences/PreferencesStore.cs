using System.Text.Json;
using SecretBot.Conversations.Turns;
using SecretBot.Dialogs.State;
using SecretBot.Knowledge.Model;

namespace SecretBot.Conversations.Preferences;

/// <summary>What the bot remembers of a person: their jurisdiction and language. Nothing else.</summary>
public sealed record UserPreferences(Jurisdiction? Jurisdiction, Language? Language)
{
    public static UserPreferences None { get; } = new(null, null);
}

/// <summary>The people's preferences, under a keyed digest of their id, forgotten after <see cref="StateOptions.UserTtl"/> unused.</summary>
public sealed class PreferencesStore(IStateStore store, StateOptions options, StateKeys keys)
{
    public async Task<UserPreferences> GetAsync(string userKey, CancellationToken cancellationToken)
    {
        var stored = await store.ReadAsync(keys.User(userKey), cancellationToken);
        if (stored is null)
        {
            return UserPreferences.None;
        }

        try
        {
            var read = JsonSerializer.Deserialize<Stored>(stored.Value);
            return new UserPreferences(
                Enum.TryParse<Jurisdiction>(read?.Jurisdiction, out var jurisdiction) && Enum.IsDefined(jurisdiction) && read!.Jurisdiction!.All(char.IsUpper)
                    ? jurisdiction
                    : null,
                Languages.Parse(read?.Language) is { } language && read!.Language == language.Tag() ? language : null);
        }
        catch (JsonException)
        {
            return UserPreferences.None;
        }
    }

    public Task SetAsync(string userKey, UserPreferences preferences, CancellationToken cancellationToken) =>
        store.WriteAsync(keys.User(userKey), JsonSerializer.SerializeToUtf8Bytes(new Stored(preferences.Jurisdiction?.ToString(), preferences.Language?.Tag())),
            StoredItem.AnyETag, options.UserTtl, cancellationToken);

    /// <summary>As stored: "BE"/"FR" and "fr"/"en", the shape earlier versions wrote.</summary>
    private sealed record Stored(string? Jurisdiction, string? Language);
}
