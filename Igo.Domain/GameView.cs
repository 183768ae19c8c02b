using System.Collections.Frozen;

namespace Igo.Domain;

/// <summary>
/// One point as the players see it: the stone, whether it is marked or proposed dead, and, once the score is tallied, its
/// owner (the live count of the scoring phase is <see cref="GameView.Scoring"/>).
/// </summary>
public readonly record struct PointState(Stone Stone, bool MarkedDead, bool Counted, Stone CountsFor)
{
    public static readonly PointState Empty = new(Stone.Empty, false, false, Stone.Empty);
}

/// <summary>
/// An immutable picture of a game at one version, safe to hand to any thread (Blazor circuits, sockets, computer players).
/// Points are row-major: index = row * Size + col.
/// </summary>
public sealed record GameView(
    int Size,
    Ruleset Rules,
    GameStatus Status,
    Color Turn,
    IReadOnlyList<PointState> Points,
    PerColor<int> Prisoners,
    PerColor<int> Territory,
    PendingRequest? PendingRequest,
    GameResult? Result,
    Point? LastMove,
    int MoveNumber,
    int Version,
    PerColor<double>? Score,
    IReadOnlyList<bool> LegalForTurn)
{
    /// <summary>The time control, both clocks, whose clock runs since when, and its deadline (<see cref="ClockState.Untimed"/> for an untimed game).</summary>
    public ClockState Clock { get; init; } = ClockState.Untimed;

    /// <summary>
    /// From the two passes that end play: the shared dead-stone marking and its count, live; once the count is accepted,
    /// the marking and count the game ended on. Null in play, and for a game that ended otherwise.
    /// </summary>
    public ScoringView? Scoring { get; init; }

    /// <summary>
    /// The last move of the line of play, a stone or a pass, whatever happened since (a request, an accepted undo,
    /// the marking of dead stones); null before the first. Unlike <see cref="LastMove"/>, which is the protocol's
    /// "the last action placed a stone here".
    /// </summary>
    public Move? LastPlay { get; init; }

    /// <summary>Each colour's last move of the line of play: the one an undo request of theirs would take back.</summary>
    public PerColor<Move?> LastMoveBy { get; init; }

    /// <summary>The point the player to move may not take now because it would retake a ko at once; null when there is none.</summary>
    public Point? KoPoint { get; init; }

    /// <summary>Why the rules refuse a stone of the player to move on each empty point they refuse (suicide, ko), in play.</summary>
    public IReadOnlyDictionary<Point, ActionRefusal> Refusals { get; init; } = FrozenDictionary<Point, ActionRefusal>.Empty;

    public PointState this[Point point] => Points[(point.Row * Size) + point.Col];

    /// <summary>
    /// Why the player to move may not place a stone on <paramref name="point"/> (occupied, suicide, ko), as the rules
    /// word it when the stone is sent; null when they may, or when the game is not in play.
    /// </summary>
    public ActionRefusal? PlacementRefusal(Point point)
    {
        if (Status != GameStatus.Play || !point.IsOnBoard(Size))
        {
            return null;
        }

        return this[point].Stone != Stone.Empty ? new ActionRefusal.Occupied(point) : Refusals.GetValueOrDefault(point);
    }

    /// <summary>Whether the player to move may place a stone here now (occupied, suicide and ko checked).</summary>
    public bool IsLegalPlacement(Point point) =>
        Status == GameStatus.Play && point.IsOnBoard(Size) && LegalForTurn[(point.Row * Size) + point.Col];
}
