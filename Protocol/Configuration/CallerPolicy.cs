using Microsoft.Extensions.Configuration;

namespace SecretBot.Protocol.Configuration;

/// <summary>
/// Who may call the bot (section <c>Auth</c>), beyond a valid signature.
/// <list type="bullet">
/// <item>Entra-issued tokens (the Emulator, the Agents Playground with credentials) carry no
/// <c>serviceurl</c> claim, so whoever holds one chooses where the bot sends its connector token:
/// they are accepted only in Development, or when <c>Auth:AllowEntraTokens</c> is true, and only
/// from the bot itself or an app named in <c>Auth:AllowedCallers</c>.</item>
/// <item>Channels: Teams only outside Development (the bot reads Teams-shaped fields); the
/// Emulator too in Development.</item>
/// </list>
/// </summary>
public sealed record CallerPolicy(bool AllowEntraTokens, IReadOnlySet<string> AllowedCallers, IReadOnlySet<string> Channels)
{
    public const string Teams = "msteams";
    public const string Emulator = "emulator";

    public static CallerPolicy From(IConfiguration configuration, bool development)
    {
        var section = configuration.GetSection("Auth");
        return new CallerPolicy(
            Settings.Flag(section, "AllowEntraTokens") ?? development,
            Settings.List(section, "AllowedCallers").ToHashSet(StringComparer.OrdinalIgnoreCase),
            development ? new HashSet<string>(StringComparer.Ordinal) { Teams, Emulator } : new HashSet<string>(StringComparer.Ordinal) { Teams });
    }
}
