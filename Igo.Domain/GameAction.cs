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

    /// <summary>Marks the group at <see cref="GameAction.Point"/> dead on the scoring phase's shared board.</summary>
    MarkGroupDead,

    /// <summary>Marks the group at <see cref="GameAction.Point"/> alive again on the scoring phase's shared board.</summary>
    MarkGroupAlive,

    /// <summary>
    /// The server marks the group at <see cref="GameAction.Point"/> dead as the engine suggests, part of the scoring
    /// phase's starting marking; <see cref="GameAction.Player"/> is the colour of the stones. No player sends it, and it
    /// is refused once a player has acted in the phase, so that a repeated suggestion never undoes a correction.
    /// </summary>
    SuggestDead,
}

/// <summary>
/// One thing a player did. The log of accepted actions is the game's source of truth: replaying it rebuilds the game,
/// clocks included. <see cref="Point"/> is required for <see cref="ActionType.PlaceStone"/> and
/// <see cref="ActionType.MarkDead"/>, <see cref="ActionType.MarkGroupDead"/>, <see cref="ActionType.MarkGroupAlive"/> and <see cref="ActionType.SuggestDead"/>. Time is passed in (the domain has no clock).
/// </summary>
/// <param name="At">When the server took the action; the turn of the player it hands the game to starts then.</param>
/// <param name="Thinking">
/// The time charged to <paramref name="Player"/> for this turn since their clock last started running, in whole
/// milliseconds: given exactly when the player's clock runs (<see cref="ClockState.Running"/>) and the action is not a
/// <see cref="ActionType.Timeout"/>; null otherwise. The server works it out (its lag allowance included); the rules
/// only apply it, so the clocks a replay rebuilds are exactly those that were played.
/// </param>
public sealed record GameAction(ActionType Type, Color Player, Point? Point, DateTimeOffset At, TimeSpan? Thinking = null)
{
    /// <summary>
    /// For a count request or its acceptance in the scoring phase: the version of the marking the player saw and
    /// accepts (<see cref="DeadMarking.Version"/>). A marking that changed since is not accepted on their behalf. Null
    /// accepts the marking as it stands, as the original protocol's players and a replayed log do.
    /// </summary>
    public int? MarkingVersion { get; init; }
}
