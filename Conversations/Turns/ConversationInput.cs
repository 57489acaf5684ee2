using System.Text.Json;
using SecretBot.Dialogs.Engine;
using SecretBot.Dialogs.Turns;
using SecretBot.Knowledge.Model;

namespace SecretBot.Conversations.Turns;

public enum ConversationKind { Personal, GroupChat, Channel }

/// <summary>
/// What SecretBot's dialogs see of a message: the engine's input, plus who asks and in which
/// setting, decided once per turn by <see cref="TurnHandler"/> (language, the law that applies,
/// whether the référents may be asked).
/// </summary>
/// <param name="Language">Configuration first, then the person's choice, then the Teams locale.</param>
/// <param name="UserKey">The person, for their preferences and the référents' throttle.</param>
public sealed record ConversationInput(string? Text, JsonElement? CardValue, string? ReplyToId, Language Language, string UserKey,
    ConversationKind Kind) : DialogTurnInput(Text, CardValue, ReplyToId)
{
    /// <summary>The person's choice, or the organisation's setting; null when it must be asked.</summary>
    public Jurisdiction? Jurisdiction { get; init; }

    /// <summary>What the Teams language suggests (fr-BE: BE, fr-FR: FR), offered first when the country is asked; never used silently.</summary>
    public Jurisdiction? SuggestedJurisdiction { get; init; }

    /// <summary>Whether this person may ask the organisation's référents (configured, and from the deploying organisation).</summary>
    public bool CanAskReferents { get; init; }

    /// <summary>The person's display name in Teams, when it sent one: shown only where they ask to be named (« me recontacter »), or to name the référent who takes a request.</summary>
    public string? PersonName { get; init; }

    /// <summary>The click comes from the référents' channel (or one of its threads), in the organisation's tenant.</summary>
    public bool InReferentsChannel { get; init; }

    /// <summary>Where the bot speaks, as the cards name it (« ce canal », « cette conversation »).</summary>
    public Cards.Catalog.WelcomeScope Scope => Kind switch
    {
        ConversationKind.Channel => Cards.Catalog.WelcomeScope.Channel,
        ConversationKind.GroupChat => Cards.Catalog.WelcomeScope.GroupChat,
        _ => Cards.Catalog.WelcomeScope.Personal,
    };

    /// <summary>The law to show before the country is chosen (look-ups, welcome topics): the locale's suggestion, else Belgium. The card names it.</summary>
    public Jurisdiction ShownJurisdiction => Jurisdiction ?? SuggestedJurisdiction ?? Knowledge.Model.Jurisdiction.BE;
}

public static class ConversationContext
{
    /// <summary>The turn's input as SecretBot built it.</summary>
    public static ConversationInput Conversation(this DialogContext context) => (ConversationInput)context.Input;
}
