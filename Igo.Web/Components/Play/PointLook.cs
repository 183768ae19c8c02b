using Igo.Domain;

namespace Igo.Web.Components.Play;

/// <summary>
/// Everything one point draws and says. It does not depend on whose turn it is (the preview's colour and whether
/// points may be played are the board's classes), so a move changes the look of the few points it touches only.
/// </summary>
/// <param name="Blocked">An empty point where the player to move may not place a stone (ko, suicide); only known while placing.</param>
/// <param name="Selectable">A stone that can be proposed dead (endgame).</param>
/// <param name="Disabled">Nothing happens when the point is chosen in the board's mode (while placing, a refused point says why).</param>
/// <param name="Focused">The board's single tab stop.</param>
/// <param name="AwaitingConfirm">The first tap of tap-twice-to-play landed here.</param>
/// <param name="Ko">The empty point the player to move may not retake at once (ko); marked with a small square.</param>
/// <param name="Number">The number of the move that placed the stone, drawn on it (a review on request); 0 for none.</param>
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
    bool AwaitingConfirm,
    bool Ko = false,
    int Number = 0)
{
    /// <summary>Only one or two points of a board are focused or awaiting a tap, and numbered stones are a review's: every other look recurs on many boards.</summary>
    public bool Recurs => !Focused && !AwaitingConfirm && Number == 0;

    public static PointLook Of(GameView view, Point point, BoardMode mode, IReadOnlySet<Point>? suggestedDead, Point focused, Point? awaitingConfirm, IReadOnlyList<int>? numbers = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var state = view[point];
        var empty = state.Stone == Stone.Empty;
        var blocked = empty && mode == BoardMode.Place && !view.IsLegalPlacement(point);
        return new PointLook(
            state.Stone,
            !empty && view.LastPlay?.Point == point,
            state.MarkedDead,
            TerritoryOf(view, point, state),
            !empty && suggestedDead?.Contains(point) == true,
            blocked,
            mode == BoardMode.MarkDead && !empty,
            // While placing, every point answers: a stone, or the reason it can't go there (GoBoard.OnPointRefused).
            mode switch { BoardMode.MarkDead => empty, BoardMode.Place => false, _ => !empty },
            point == focused,
            awaitingConfirm == point && mode == BoardMode.Place && empty && !blocked,
            empty && view.Status == GameStatus.Play && view.KoPoint == point,
            empty || numbers is null ? 0 : numbers[(point.Row * view.Size) + point.Col]);
    }

    // The scoring phase's live count owns the empty points and those of the stones marked dead; a count the game ended
    // on without one (the original's tally) owns the empty points.
    private static Stone TerritoryOf(GameView view, Point point, PointState state) => view.Scoring is { } scoring
        ? state.Stone == Stone.Empty || state.MarkedDead ? scoring.Count.Territory.OwnerOf(point, view.Size) : Stone.Empty
        : state.Counted ? state.CountsFor : Stone.Empty;
}
