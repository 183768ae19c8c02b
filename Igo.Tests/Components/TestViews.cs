using Igo.Domain;

namespace Igo.Tests.Components;

/// <summary>
/// Builds <see cref="GameView"/> values from a picture of the board, one string per row from the top:
/// '.' empty, 'X' black, 'O' white, 'x'/'o' a stone marked dead, 'b'/'w' an empty point counted for black/white,
/// '-' an empty point counted for nobody. Every empty point is legal unless listed in <c>illegal</c>.
/// </summary>
internal static class TestViews
{
    public static GameView Empty(int size = 9, GameStatus status = GameStatus.Play, Color turn = Color.Black) =>
        Picture(Enumerable.Repeat(new string('.', size), size).ToArray(), status, turn);

    public static GameView Picture(
        string[] rows,
        GameStatus status = GameStatus.Play,
        Color turn = Color.Black,
        Point? lastMove = null,
        PerColor<int> prisoners = default,
        PendingRequest? request = null,
        GameResult? result = null,
        PerColor<double>? score = null,
        PerColor<int> territory = default,
        int version = 1,
        int moveNumber = 1,
        IEnumerable<Point>? illegal = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var size = rows.Length;
        var points = new PointState[size * size];
        for (var row = 0; row < size; row++)
        {
            var cells = rows[row].Replace(" ", string.Empty, StringComparison.Ordinal);
            for (var col = 0; col < size; col++)
            {
                points[(row * size) + col] = cells[col] switch
                {
                    'X' => new PointState(Stone.Black, false, false, Stone.Empty),
                    'O' => new PointState(Stone.White, false, false, Stone.Empty),
                    'x' => new PointState(Stone.Black, true, false, Stone.Empty),
                    'o' => new PointState(Stone.White, true, false, Stone.Empty),
                    'b' => new PointState(Stone.Empty, false, true, Stone.Black),
                    'w' => new PointState(Stone.Empty, false, true, Stone.White),
                    '-' => new PointState(Stone.Empty, false, true, Stone.Empty),
                    _ => PointState.Empty,
                };
            }
        }

        var banned = new HashSet<Point>(illegal ?? []);
        var legal = new bool[size * size];
        for (var i = 0; i < legal.Length; i++)
        {
            legal[i] = points[i].Stone == Stone.Empty && !banned.Contains(new Point(i / size, i % size));
        }

        // The last move is the stone on it, played by its colour.
        var lastPlay = lastMove is { } last && points[(last.Row * size) + last.Col].Stone.ToColor() is { } mover ? new Move(mover, last) : (Move?)null;
        return new GameView(size, Ruleset.Japanese(), status, turn, points, prisoners, territory, request, result, lastMove,
            moveNumber, version, score, legal)
        {
            LastPlay = lastPlay,
        };
    }

    /// <summary>The same view one version later with a stone added (for announcements and re-renders).</summary>
    public static GameView Place(GameView view, Point point, Color color, PerColor<int>? prisoners = null, params Point[] captured)
    {
        ArgumentNullException.ThrowIfNull(view);
        var points = view.Points.ToArray();
        points[(point.Row * view.Size) + point.Col] = new PointState(color.ToStone(), false, false, Stone.Empty);
        foreach (var gone in captured)
        {
            points[(gone.Row * view.Size) + gone.Col] = PointState.Empty;
        }

        var legal = points.Select(p => p.Stone == Stone.Empty).ToArray();
        return view with
        {
            Points = points,
            LegalForTurn = legal,
            Turn = color.Opponent(),
            LastMove = point,
            LastPlay = new Move(color, point),
            LastMoveBy = view.LastMoveBy.With(color, new Move(color, point)),
            Prisoners = prisoners ?? view.Prisoners,
            Version = view.Version + 1,
            MoveNumber = view.MoveNumber + 1,
        };
    }
}
