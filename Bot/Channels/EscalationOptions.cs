using Microsoft.Extensions.Configuration;
using SecretBot.Bot.Configuration;

namespace SecretBot.Bot.Channels;

/// <summary>
/// The référents' channel (section <c>Escalation</c>): where "Demander l'avis d'un·e référent·e"
/// posts. Without a channel id the button is not offered.
/// </summary>
public sealed record EscalationOptions(string? ChannelId, string? ChannelName, string? TenantId)
{
    public bool IsConfigured => ChannelId is not null;

    public static EscalationOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Escalation");
        string? Value(string key) => string.IsNullOrWhiteSpace(section[key]) ? null : section[key]!.Trim();
        var options = new EscalationOptions(Value("ChannelId"), Value("ChannelName"), Value("TenantId"));
        if (options.IsConfigured && options.TenantId is null)
        {
            throw new SettingException("Escalation:TenantId", "a référents' channel needs the tenant id of its team.");
        }

        return options with { ChannelName = options.ChannelName ?? (options.IsConfigured ? "référent·es" : null) };
    }
}
