using SecretBot.Cards.Model;
using SecretBot.Cards.Texts;

namespace SecretBot.Cards.Tests;

/// <summary>A card variant under test; <see cref="FileName"/> is "name.fr" or "name.en".</summary>
public sealed record CardSample(string Name, Language Language, AdaptiveCard Card)
{
    public string FileName => $"{Name}.{TextNames.Code(Language)}";

    public override string ToString() => FileName;
}
