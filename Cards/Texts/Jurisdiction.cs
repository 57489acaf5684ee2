namespace SecretBot.Cards.Texts;

/// <summary>The legal systems SecretBot answers for; their names are in cards.json.</summary>
public enum Jurisdiction { Be, Fr }
