namespace Igo.Domain;

public enum ActionType
{
    PlaceStone,
    Pass,
    Resign,
    RequestDraw,
    MarkDead,
    RequestTally,
    RequestUndo,
    Accept,
    Reject,
}

/// <summary>
/// One thing a player did. The log of accepted actions is the game's source of truth: replaying it rebuilds the game.
/// <see cref="Point"/> is required for <see cref="ActionType.PlaceStone"/> and <see cref="ActionType.MarkDead"/>.
/// Time is passed in (the domain has no clock).
/// </summary>
public sealed record GameAction(ActionType Type, Color Player, Point? Point, DateTimeOffset At);

public enum Rejection
{
    /// <summary>A rule of the game forbids it (turn, occupied, suicide, ko, pending request...). The text is the protocol's, verbatim.</summary>
    RuleViolation,

    /// <summary>The action is not permitted in the current status at all (the original's empty internal error).</summary>
    NotPermitted,
}

/// <summary>
/// The answer to an action. Accepted outcomes carry the protocol's success text; rejected ones the exact explanation,
/// and a rejected action changes nothing.
/// </summary>
public sealed record ActionOutcome(bool Accepted, string Message, Rejection? Rejection = null)
{
    public static ActionOutcome Success(string message) => new(true, message);

    public static ActionOutcome Violation(string message) => new(false, message, Domain.Rejection.RuleViolation);

    public static ActionOutcome NotPermitted(string message) => new(false, message, Domain.Rejection.NotPermitted);
}
