namespace SecretBot.Cards.Texts;

/// <summary>The languages every card exists in.</summary>
public enum Language { Fr, En }
