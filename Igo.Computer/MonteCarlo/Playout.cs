using Igo.Domain;

namespace Igo.Computer.MonteCarlo;

/// <summary>
/// One random game to the end and its count. Each move is the board's playout move (<see cref="Board.PlayRandomMove"/>:
/// uniform among the legal moves that neither fill an own eye nor play a self-atari). With tactics on, each side first
/// answers the last move: it captures a chain of the opponent's that is in atari next to it, else it saves its own
/// chain that the move put in atari (when the escape is not itself a self-atari).
/// Not thread-safe: one instance per thread.
/// </summary>
internal sealed class Playout(int size, bool tactics)
{
    /// <summary>Playouts stop after this many stones per point of the board (random games on a full board can cycle through captures).</summary>
    private const int MovesPerPoint = 3;

    /// <summary>
    /// Plays from the board as it is, <paramref name="toMove"/> first, until both pass. Records in <paramref name="firstMover"/>
    /// (row-major, 0 = nobody) who placed a stone first on each point, if nobody had yet, for the all-moves-as-first statistics.
    /// Returns black's area lead minus komi, and the owner of every point (+1 black, -1 white, 0 neutral) in <paramref name="owners"/>.
    /// </summary>
    public double Run(Board board, Color toMove, Random random, double komi, Span<byte> firstMover, Span<sbyte> owners)
    {
        var maxMoves = MovesPerPoint * size * size;
        var color = toMove;
        var passes = 0;
        var played = 0;
        Point? last = null;
        while (passes < 2 && played < maxMoves)
        {
            var move = tactics && last is { } previous ? AnswerTo(board, previous, color) : null;
            if (move is { } answer)
            {
                board.Play(answer, color);
            }
            else
            {
                move = board.PlayRandomMove(color, random);
            }

            last = move;
            if (move is { } point)
            {
                var index = (point.Row * size) + point.Col;
                if (firstMover[index] == 0)
                {
                    firstMover[index] = (byte)color;
                }

                played++;
                passes = 0;
            }
            else
            {
                board.Pass();
                passes++;
            }

            color = color.Opponent();
        }

        return board.CountPlayout(owners) - komi;
    }

    // Captures an opponent chain in atari at or next to the last move, else saves an own chain next to it left in atari.
    private Point? AnswerTo(Board board, Point last, Color color)
    {
        var opponent = color.Opponent().ToStone();
        var own = color.ToStone();
        var ko = board.KoPoint;
        if (board[last] == opponent && Playable(board, board.LibertyInAtari(last), color, ko) is { } capture)
        {
            return capture;
        }

        Point? rescue = null;
        foreach (var neighbour in (ReadOnlySpan<Point>)[last with { Row = last.Row - 1 }, last with { Row = last.Row + 1 }, last with { Col = last.Col - 1 }, last with { Col = last.Col + 1 }])
        {
            if (!neighbour.IsOnBoard(size) || Playable(board, board.LibertyInAtari(neighbour), color, ko) is not { } liberty)
            {
                continue;
            }

            var stone = board[neighbour];
            if (stone == opponent)
            {
                return liberty;
            }

            if (stone == own && rescue is null && !board.IsSelfAtari(liberty, color))
            {
                rescue = liberty;
            }
        }

        return rescue;
    }

    // The liberty of a chain in atari, when the player may play there.
    private static Point? Playable(Board board, Point? liberty, Color color, Point? ko) =>
        liberty is { } point && point != ko && board.IsLegal(point, color) ? point : null;
}
