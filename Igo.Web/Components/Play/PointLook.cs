using Igo.Domain;

namespace Igo.Web.Components.Play;

/// <summary>
/// Everything one point draws and says. It does not depend on whose turn it is (the preview's colour and whether
/// points may be played are the board's classes), so a move changes the look of the few points it touches only.
/// </summary>
/// <param name="Blocked">An empty point where the player to move may not place a stone (ko, suicide); only known while placing.</param>
/// <param name="Selectable">A stone that can be proposed dead (endgame).</param>
/// <param name="Disabled">Nothing happens when the point is chosen in the board's mode.</param>
/// <param name="Focused">The board's single tab stop.</param>
/// <param name="AwaitingConfirm">The first tap of tap-twice-to-play landed here.</param>
public readonly record struct PointLook(
    Stone Stone,
    bool LastMove,
    bool MarkedDead,
    Stone Territory,
    bool SuggestedDead,
    bool Blocked,
    bool Selectable,
    bool Disabled,
    bool Focused,
    bool AwaitingConfirm)
{
    /// <summary>Only one or two points of a board are focused or awaiting a tap; every other look recurs on many boards.</summary>
    public bool Recurs => !Focused && !AwaitingConfirm;

    public static PointLook Of(GameView view, Point point, BoardMode mode, IReadOnlySet<Point>? suggestedDead, Point focused, Point? awaitingConfirm)
    {
        ArgumentNullException.ThrowIfNull(view);
        var state = view[point];
        var empty = state.Stone == Stone.Empty;
        var blocked = empty && mode == BoardMode.Place && !view.IsLegalPlacement(point);
        return new PointLook(
            state.Stone,
            !empty && view.LastMove == point,
            state.MarkedDead,
            TerritoryOf(view, point, state),
            !empty && suggestedDead?.Contains(point) == true,
            blocked,
            mode == BoardMode.MarkDead && !empty,
            mode == BoardMode.MarkDead ? empty : !empty || blocked,
            point == focused,
            awaitingConfirm == point && mode == BoardMode.Place && empty && !blocked);
    }

    // The scoring phase's live count owns the empty points and those of the stones marked dead; a count the game ended
    // on without one (the original's tally) owns the empty points.
    private static Stone TerritoryOf(GameView view, Point point, PointState state) => view.Scoring is { } scoring
        ? state.Stone == Stone.Empty || state.MarkedDead ? scoring.Count.Territory.OwnerOf(point, view.Size) : Stone.Empty
        : state.Counted ? state.CountsFor : Stone.Empty;
}
