using Microsoft.Extensions.Configuration;
using SecretBot.Protocol.Configuration;
using SecretBot.Dialogs.State;
using SecretBot.Conversations.Preferences;
using SecretBot.Conversations.Turns;

namespace SecretBot.Bot.Hosting;

/// <summary>Reads the <c>State</c> section: provider, Redis connection string, time-to-live of conversations and preferences.</summary>
public static class StateConfiguration
{
    public static StateOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("State");
        var defaults = new StateOptions();
        var providerText = section["Provider"];
        var provider = StateProvider.Memory;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new SettingException("State:Provider", $"'{providerText}' is not Memory or Redis.");
        }

        var redis = string.IsNullOrWhiteSpace(section["Redis"]) ? null : section["Redis"];
        if (provider == StateProvider.Redis && redis is null)
        {
            throw new SettingException("State:Redis", "State:Provider is Redis but no connection string is set.");
        }

        return new StateOptions
        {
            Provider = provider,
            Redis = redis,
            ConversationTtl = Settings.Duration(section, "ConversationTtl") ?? defaults.ConversationTtl,
            UserTtl = Settings.Duration(section, "UserTtl") ?? defaults.UserTtl,
        };
    }
}
