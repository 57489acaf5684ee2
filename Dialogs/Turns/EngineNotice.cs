namespace SecretBot.Dialogs.Turns;

/// <summary>What the engine itself has to tell a person; the host words it (<see cref="INoticePresenter"/>).</summary>
public enum EngineNotice
{
    /// <summary>The stored conversation had expired, or no longer matched the dialogs: starting afresh.</summary>
    FreshStart,

    /// <summary>Two conflicts in a row: try again in a moment.</summary>
    Busy,

    /// <summary>The state store cannot be reached.</summary>
    StateUnavailable,

    /// <summary>"Annuler": everything under way was dropped.</summary>
    Cancelled,

    /// <summary>"Retour" with nothing to go back to.</summary>
    FirstQuestion,

    /// <summary>"Aide" where no dialog has help to give.</summary>
    NoHelp,

    /// <summary>A click on a question that was already answered.</summary>
    StaleCard,
}

/// <summary>Words the engine's notices for the person the turn is for.</summary>
public interface INoticePresenter
{
    OutgoingMessage Notice(EngineNotice notice, DialogTurnInput input);
}
