using Igo.Domain;

namespace Igo.Computer.MonteCarlo;

/// <summary>
/// One random game to the end and its count. With tactics on, each side first answers the last move: it captures a chain of
/// the opponent's that is in atari next to it, else it saves its own chain that the move put in atari (when the escape
/// is not itself a self-atari). Otherwise it plays uniformly among the legal moves that neither fill its own
/// single-point eye nor put its own chain in atari without capturing (a self-atari). Without that rule a random player
/// fills the inside of its own living groups until they die, and playouts misjudge every group whose eyes are not yet
/// formed; with it, a finished playout leaves only eyes, shared liberties and the odd neutral point, so a simple area
/// count is exact enough: a stone counts for its colour, an empty point for the colour of all its neighbours.
/// Not thread-safe: one instance per thread.
/// </summary>
internal sealed class Playout
{
    /// <summary>Playouts stop after this many stones per point of the board (random games on a full board can cycle through captures).</summary>
    private const int MovesPerPoint = 3;

    private readonly int size;
    private readonly bool tactics;
    private readonly int[] empties;
    private readonly int[] slotOf;
    private int emptyCount;

    public Playout(int size, bool tactics)
    {
        this.size = size;
        this.tactics = tactics;
        empties = new int[size * size];
        slotOf = new int[size * size];
    }

    /// <summary>
    /// Plays from the board as it is, <paramref name="toMove"/> first, until both pass. Records in <paramref name="firstMover"/>
    /// (row-major, 0 = nobody) who placed a stone first on each point, if nobody had yet, for the all-moves-as-first statistics.
    /// Returns black's area lead minus komi, and the owner of every point (+1 black, -1 white, 0 neutral) in <paramref name="owners"/>.
    /// </summary>
    public double Run(Board board, Color toMove, Random random, double komi, Span<byte> firstMover, Span<sbyte> owners)
    {
        CollectEmpties(board);
        var maxMoves = MovesPerPoint * size * size;
        var color = toMove;
        var passes = 0;
        var played = 0;
        var last = -1;
        while (passes < 2 && played < maxMoves)
        {
            var index = tactics && last >= 0 ? AnswerTo(board, last, color) : -1;
            if (index < 0)
            {
                index = ChooseMove(board, color, random);
            }

            last = index;
            if (index >= 0)
            {
                Play(board, index, color);
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

        return Count(board, komi, owners);
    }

    /// <summary>Black's area lead minus komi of a played-out board, with each point's owner.</summary>
    public static double Count(Board board, double komi, Span<sbyte> owners)
    {
        var size = board.Size;
        var lead = 0;
        for (var row = 0; row < size; row++)
        {
            for (var col = 0; col < size; col++)
            {
                var owner = OwnerOf(board, size, row, col);
                owners[(row * size) + col] = owner;
                lead += owner;
            }
        }

        return lead - komi;
    }

    private void CollectEmpties(Board board)
    {
        emptyCount = 0;
        for (var index = 0; index < size * size; index++)
        {
            if (board[index / size, index % size] == Stone.Empty)
            {
                slotOf[index] = emptyCount;
                empties[emptyCount++] = index;
            }
        }
    }

    // Captures an opponent chain in atari at or next to the last move, else saves an own chain next to it left in atari.
    private int AnswerTo(Board board, int last, Color color)
    {
        var lastPoint = new Point(last / size, last % size);
        var opponent = color.Opponent().ToStone();
        var own = color.ToStone();
        var ko = board.KoPoint;
        if (board[lastPoint] == opponent && board.LibertiesAt(lastPoint) == 1 && LegalLiberty(board, lastPoint, color, ko) is { } capture)
        {
            return capture;
        }

        var rescue = -1;
        for (var direction = 0; direction < 4; direction++)
        {
            var neighbour = Neighbour(lastPoint, direction);
            if (!neighbour.IsOnBoard(size) || board.LibertiesAt(neighbour) != 1)
            {
                continue;
            }

            var stone = board[neighbour];
            if (stone == opponent && LegalLiberty(board, neighbour, color, ko) is { } captureNext)
            {
                return captureNext;
            }

            if (stone == own && rescue < 0 && LegalLiberty(board, neighbour, color, ko) is { } escape && !IsSelfAtari(board, new Point(escape / size, escape % size), color))
            {
                rescue = escape;
            }
        }

        return rescue;
    }

    // The one liberty of the chain through the point (which has one), when the player may play there.
    private int? LegalLiberty(Board board, Point chainPoint, Color color, Point? ko)
    {
        var liberty = board.ChainAt(chainPoint)!.Liberties[0];
        return liberty != ko && board.IsLegal(liberty, color) ? (liberty.Row * size) + liberty.Col : null;
    }

    private static Point Neighbour(Point point, int direction) => direction switch
    {
        0 => new Point(point.Row - 1, point.Col),
        1 => new Point(point.Row + 1, point.Col),
        2 => new Point(point.Row, point.Col - 1),
        _ => new Point(point.Row, point.Col + 1),
    };

    // Probes the empty points cyclically from a random start: one random number per move, every candidate reachable.
    private int ChooseMove(Board board, Color color, Random random)
    {
        var count = emptyCount;
        if (count == 0)
        {
            return -1;
        }

        var ko = board.KoPoint;
        var start = random.Next(count);
        for (var i = 0; i < count; i++)
        {
            var slot = start + i;
            if (slot >= count)
            {
                slot -= count;
            }

            var index = empties[slot];
            var point = new Point(index / size, index % size);
            if (point != ko && !board.IsEye(point, color) && board.IsLegal(point, color) && !IsSelfAtari(board, point, color))
            {
                return index;
            }
        }

        return -1;
    }

    private void Play(Board board, int index, Color color)
    {
        var result = board.Play(new Point(index / size, index % size), color);
        RemoveEmpty(index);
        if (result.CapturedCount > 0)
        {
            foreach (var captured in board.CapturedByLastMove())
            {
                var freed = (captured.Row * size) + captured.Col;
                slotOf[freed] = emptyCount;
                empties[emptyCount++] = freed;
            }
        }
    }

    private void RemoveEmpty(int index)
    {
        var slot = slotOf[index];
        var last = empties[--emptyCount];
        empties[slot] = last;
        slotOf[last] = slot;
    }

    // True when the move surely leaves its chain with one liberty and captures nothing. Liberties shared by the
    // neighbouring chains are counted once per chain, so a few self-ataris slip through; none is wrongly forbidden.
    private bool IsSelfAtari(Board board, Point point, Color color)
    {
        var liberties = 0;
        var own = color.ToStone();
        for (var direction = 0; direction < 4; direction++)
        {
            var neighbour = Neighbour(point, direction);
            if (!neighbour.IsOnBoard(size))
            {
                continue;
            }

            var stone = board[neighbour];
            if (stone == Stone.Empty)
            {
                liberties++;
            }
            else if (stone == own)
            {
                liberties += board.LibertiesAt(neighbour) - 1;
            }
            else if (board.LibertiesAt(neighbour) == 1)
            {
                return false; // captures
            }

            if (liberties >= 2)
            {
                return false;
            }
        }

        return true;
    }

    private static sbyte OwnerOf(Board board, int size, int row, int col)
    {
        var stone = board[row, col];
        if (stone != Stone.Empty)
        {
            return stone == Stone.Black ? (sbyte)1 : (sbyte)-1;
        }

        var black = false;
        var white = false;
        if (row > 0)
        {
            Touch(board[row - 1, col], ref black, ref white);
        }

        if (row < size - 1)
        {
            Touch(board[row + 1, col], ref black, ref white);
        }

        if (col > 0)
        {
            Touch(board[row, col - 1], ref black, ref white);
        }

        if (col < size - 1)
        {
            Touch(board[row, col + 1], ref black, ref white);
        }

        return black == white ? (sbyte)0 : black ? (sbyte)1 : (sbyte)-1;
    }

    private static void Touch(Stone stone, ref bool black, ref bool white)
    {
        if (stone == Stone.Black)
        {
            black = true;
        }
        else if (stone == Stone.White)
        {
            white = true;
        }
    }
}
