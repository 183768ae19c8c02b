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

    /// <summary>The server ends the game because <see cref="GameAction.Player"/>'s flag has fallen; no player sends it.</summary>
    Timeout,

    /// <summary><see cref="GameAction.Player"/> ends a game their opponent abandoned and wins it by forfeit.</summary>
    ClaimWin,
}

/// <summary>
/// One thing a player did. The log of accepted actions is the game's source of truth: replaying it rebuilds the game,
/// clocks included. <see cref="Point"/> is required for <see cref="ActionType.PlaceStone"/> and
/// <see cref="ActionType.MarkDead"/>. Time is passed in (the domain has no clock).
/// </summary>
/// <param name="At">When the server took the action; the turn of the player it hands the game to starts then.</param>
/// <param name="Thinking">
/// The time charged to <paramref name="Player"/> for this turn since their clock last started running, in whole
/// milliseconds: given exactly when the player's clock runs (<see cref="ClockState.Running"/>) and the action is not a
/// <see cref="ActionType.Timeout"/>; null otherwise. The server works it out (its lag allowance included); the rules
/// only apply it, so the clocks a replay rebuilds are exactly those that were played.
/// </param>
public sealed record GameAction(ActionType Type, Color Player, Point? Point, DateTimeOffset At, TimeSpan? Thinking = null);
