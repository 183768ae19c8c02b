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

    public PointState this[Point point] => Points[(point.Row * Size) + point.Col];

    /// <summary>Whether the player to move may place a stone here now (occupied, suicide and ko checked).</summary>
    public bool IsLegalPlacement(Point point) =>
        Status == GameStatus.Play && point.IsOnBoard(Size) && LegalForTurn[(point.Row * Size) + point.Col];
}
