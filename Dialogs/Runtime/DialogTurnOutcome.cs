namespace SecretBot.Dialogs.Runtime;

/// <summary>How a turn ended, for the host's logs and metrics (never what was said).</summary>
public enum DialogTurnOutcome
{
    /// <summary>The dialogs ran and the state was saved.</summary>
    Completed,

    /// <summary>The stored state was expired, unreadable or from another version: a fresh start.</summary>
    FreshStart,

    /// <summary>Two conflicts in a row: the person was asked to try again, the state left as it was.</summary>
    Busy,

    /// <summary>The state store could not be reached: a service message was sent.</summary>
    StateUnavailable,
}
