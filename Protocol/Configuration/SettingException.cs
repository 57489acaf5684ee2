namespace SecretBot.Protocol.Configuration;

/// <summary>A bad or missing setting: start-up stops with a message that names it.</summary>
public sealed class SettingException(string setting, string problem)
    : Exception($"Setting '{setting}': {problem}")
{
    public string Setting { get; } = setting;
}
