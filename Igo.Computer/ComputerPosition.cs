using Igo.Domain;

namespace Igo.Computer;

/// <summary>
/// What a computer player thinks about: the stones, who is to move, where that player may legally place a stone
/// (the game's own judgement, ko and superko included) and the prisoners so far. Built from a <see cref="GameView"/>.
/// </summary>
public sealed record ComputerPosition(
    int Size,
    Ruleset Rules,
    Color ToMove,
    IReadOnlyList<Stone> Stones,
    IReadOnlyList<bool> Legal,
    Point? LastMove,
    PerColor<int> Prisoners)
{
    /// <summary>
    /// Whether the last action of the game was not a stone (in play, after the first move): usually the opponent's pass.
    /// A player that leads may then pass too and let the game be counted.
    /// </summary>
    public bool OpponentPassed { get; init; }

    /// <summary>
    /// In a timed game, the most the brain may think about this move (<see cref="Players.ThinkingBudget"/>); null to think
    /// as its level says. A brain's own limit still applies when it is shorter.
    /// </summary>
    public TimeSpan? ThinkingBudget { get; init; }

    public Stone this[Point point] => Stones[Index(point)];

    public static ComputerPosition FromView(GameView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var stones = new Stone[view.Points.Count];
        for (var i = 0; i < stones.Length; i++)
        {
            stones[i] = view.Points[i].Stone;
        }

        return new ComputerPosition(view.Size, view.Rules, view.Turn, stones, view.LegalForTurn, view.LastMove, view.Prisoners)
        {
            OpponentPassed = view.LastMove is null && view.MoveNumber > 0,
        };
    }

    /// <summary>A position from a bare board (tests, benchmarks, analysis): legal = the board's legality and its immediate-ko ban.</summary>
    public static ComputerPosition FromBoard(Board board, Ruleset rules, Color toMove, PerColor<int> prisoners = default, Point? lastMove = null)
    {
        ArgumentNullException.ThrowIfNull(board);
        var size = board.Size;
        var legal = new bool[size * size];
        for (var row = 0; row < size; row++)
        {
            for (var col = 0; col < size; col++)
            {
                var point = new Point(row, col);
                legal[(row * size) + col] = board.IsLegal(point, toMove) && board.KoPoint != point;
            }
        }

        return new ComputerPosition(size, rules, toMove, board.ToArray(), legal, lastMove, prisoners);
    }

    public int Index(Point point) => (point.Row * Size) + point.Col;

    public Point PointAt(int index) => new(index / Size, index % Size);

    public bool IsLegal(Point point) => point.IsOnBoard(Size) && Legal[Index(point)];

    public Board ToBoard() => Board.FromStones(Size, Stones);

    /// <summary>
    /// The empty points the board would allow but the game forbids to the player to move: the ko (or superko) bans.
    /// Engines that are told the position stone by stone need them, as the stones alone do not say which ko is hot.
    /// </summary>
    public IReadOnlyList<Point> KoBans(Board board)
    {
        ArgumentNullException.ThrowIfNull(board);
        var bans = new List<Point>();
        for (var index = 0; index < Stones.Count; index++)
        {
            var point = PointAt(index);
            if (Stones[index] == Stone.Empty && !Legal[index] && board.IsLegal(point, ToMove))
            {
                bans.Add(point);
            }
        }

        return bans;
    }
}
