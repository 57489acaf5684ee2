namespace SecretBot.Cards.Model;

/// <summary>Teams' own root property. SecretBot always asks for the full width of the conversation.</summary>
public sealed record MsTeams
{
    public string Width => "Full";
}
