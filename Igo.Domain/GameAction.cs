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
