using System.Text.Json;

namespace SecretBot.Dialogs.State;

/// <summary>What the bot remembers of a person: their jurisdiction (BE, FR) and language (fr, en). Nothing else.</summary>
public sealed record UserPreferences(string? Jurisdiction, string? Language)
{
    public static UserPreferences None { get; } = new(null, null);
}

public sealed class PreferencesStore(IStateStore store, StateOptions options, StateKeys keys)
{
    private static readonly string[] Jurisdictions = ["BE", "FR"];
    private static readonly string[] Languages = ["fr", "en"];

    public async Task<UserPreferences> GetAsync(string userKey, CancellationToken cancellationToken)
    {
        var stored = await store.ReadAsync(keys.User(userKey), cancellationToken);
        if (stored is null)
        {
            return UserPreferences.None;
        }

        try
        {
            var read = JsonSerializer.Deserialize<UserPreferences>(stored.Value) ?? UserPreferences.None;
            return new UserPreferences(
                Jurisdictions.Contains(read.Jurisdiction) ? read.Jurisdiction : null,
                Languages.Contains(read.Language) ? read.Language : null);
        }
        catch (JsonException)
        {
            return UserPreferences.None;
        }
    }

    public Task SetAsync(string userKey, UserPreferences preferences, CancellationToken cancellationToken)
    {
        if ((preferences.Jurisdiction is { } j && !Jurisdictions.Contains(j)) || (preferences.Language is { } l && !Languages.Contains(l)))
        {
            throw new ArgumentException("A jurisdiction is BE or FR; a language is fr or en.", nameof(preferences));
        }

        return store.WriteAsync(keys.User(userKey), JsonSerializer.SerializeToUtf8Bytes(preferences), StoredItem.AnyETag,
            options.UserTtl, cancellationToken);
    }
}
