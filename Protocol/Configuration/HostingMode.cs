using Microsoft.Extensions.Hosting;

namespace SecretBot.Protocol.Configuration;

/// <summary>
/// Decides whether the bot may run without an app id. Anonymous local mode is for a developer's
/// machine only: Development, or an explicit <c>Bot:AllowAnonymous=true</c>.
/// </summary>
public static class HostingMode
{
    public static void EnsureAllowed(BotCredentials credentials, BotOptions options, IHostEnvironment environment)
    {
        if (credentials.IsAnonymous && !environment.IsDevelopment() && !options.AllowAnonymous)
        {
            throw new SettingException("MicrosoftAppId",
                "no app id is configured. Set MicrosoftAppId (and MicrosoftAppPassword) for a registered bot, " +
                "or run locally with ASPNETCORE_ENVIRONMENT=Development or Bot:AllowAnonymous=true.");
        }
    }
}
