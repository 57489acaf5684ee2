using SecretBot.Dialogs.Turns;
using SecretBot.Knowledge.Model;

namespace SecretBot.Conversations.Preferences;

/// <summary>A turn effect: remember the person's country or language (what is null is left as it was).</summary>
public sealed record SetPreference(Jurisdiction? Jurisdiction = null, Language? Language = null) : TurnEffect;
