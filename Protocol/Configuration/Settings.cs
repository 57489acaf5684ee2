using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace SecretBot.Protocol.Configuration;

/// <summary>
/// Reads typed values from a configuration section; a value that cannot be read stops start-up
/// with a message naming the setting (<c>Section:Key</c>) and what was wrong.
/// </summary>
public static class Settings
{
    /// <summary>A text setting, trimmed; null when it is absent or blank.</summary>
    public static string? Text(IConfigurationSection section, string key) =>
        string.IsNullOrWhiteSpace(section[key]) ? null : section[key]!.Trim();

    public static bool? Flag(IConfigurationSection section, string key) => section[key] switch
    {
        null or "" => null,
        var text when bool.TryParse(text, out var value) => value,
        var text => throw new SettingException(Name(section, key), $"'{text}' is not true or false."),
    };

    public static int? Int(IConfigurationSection section, string key, int min, int max) => section[key] switch
    {
        null or "" => null,
        var text when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max => value,
        var text => throw new SettingException(Name(section, key), $"'{text}' is not a whole number from {min} to {max}."),
    };

    /// <summary>A time span written <c>d.hh:mm:ss</c> or <c>hh:mm:ss</c>; zero is allowed only when <paramref name="allowZero"/>.</summary>
    public static TimeSpan? Duration(IConfigurationSection section, string key, bool allowZero = false) => section[key] switch
    {
        null or "" => null,
        var text when TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value)
                      && (value > TimeSpan.Zero || (allowZero && value == TimeSpan.Zero)) => value,
        var text => throw new SettingException(Name(section, key), $"'{text}' is not a {(allowZero ? "" : "positive ")}time span (d.hh:mm:ss)."),
    };

    public static Uri? AbsoluteUri(IConfigurationSection section, string key) => section[key] switch
    {
        null or "" => null,
        var text when Uri.TryCreate(text, UriKind.Absolute, out var uri) => uri,
        var text => throw new SettingException(Name(section, key), $"'{text}' is not an absolute URL."),
    };

    /// <summary>
    /// A list written either as one comma-separated value (<c>a,b</c>, handy in an environment
    /// variable) or as an array (<c>Key:0</c>, <c>Key:1</c>); blanks are dropped.
    /// </summary>
    public static IReadOnlyList<string> List(IConfigurationSection section, string key)
    {
        var single = section[key];
        var items = string.IsNullOrWhiteSpace(single)
            ? section.GetSection(key).GetChildren().Select(child => child.Value)
            : single.Split(',');
        return items.Where(item => !string.IsNullOrWhiteSpace(item)).Select(item => item!.Trim()).ToArray();
    }

    /// <summary>
    /// An endpoint that carries a secret or decides what is trusted: https outside Development,
    /// except on loopback, where nothing crosses the network.
    /// </summary>
    public static Uri SecureUri(string setting, Uri uri, bool development) =>
        development || uri.Scheme == Uri.UriSchemeHttps || uri.IsLoopback
            ? uri
            : throw new SettingException(setting, $"'{uri.GetLeftPart(UriPartial.Authority)}' must use https outside Development.");

    public static string Name(IConfigurationSection section, string key) => $"{section.Path}:{key}";
}
