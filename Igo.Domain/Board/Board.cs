using System.Numerics;

namespace Igo.Domain;

/// <summary>
/// A Go board built for speed: a flat array of cells with a one-cell border, chains kept incrementally (each stone
/// knows its chain's head, the stones of a chain form a circular list), an exact liberty set per chain (a bitset over
/// cells) and a Zobrist hash. A move costs about the number of stones it touches; nothing is copied per move.
/// The board knows stones, captures and suicide; ko and turn order belong to the caller (see <see cref="Game"/>),
/// except <see cref="KoPoint"/>, the immediate-recapture ban that random playouts respect.
/// Not thread-safe: use one board per thread (<see cref="Clone"/> and <see cref="CopyFrom"/> are cheap).
/// </summary>
public sealed partial class Board
{
    public const int MinSize = 2;
    public const int MaxSize = 25;

    private const byte EmptyCell = (byte)Stone.Empty;
    private const byte BorderCell = 3;
    private const int NoCell = 0; // cell 0 is a border corner, never a point

    private readonly int size;
    private readonly int stride;
    private readonly int words; // 64-bit words in one liberty set

    // Zobrist keys by cell: keys[cell * 2 + colour - 1]. Shared by copies; never written after construction.
    private readonly ulong[] keys;

    private readonly byte[] cells;
    private readonly int[] chainOf;       // by stone cell: the head cell of its chain
    private readonly int[] nextStone;     // by stone cell: next stone of the same chain (circular)
    private readonly int[] chainSize;     // by head cell
    private readonly int[] libertyCount;  // by head cell
    private readonly ulong[] liberties;   // by head cell * words: bit set for every empty cell next to the chain
    private readonly ulong[] chainHash;   // by head cell: XOR of the keys of the chain's stones
    private readonly int[] empties;       // the empty cells, unordered
    private readonly int[] emptySlot;     // by empty cell: its index in empties
    private readonly int[] stonesOf = new int[3];
    private readonly int[] captured;      // cells captured by the last move
    private int capturedCount;
    private int emptyCount;
    private int koCell;
    private ulong hash;

    public Board(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, MinSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaxSize);
        this.size = size;
        stride = size + 2;
        var cellCount = stride * stride;
        words = (cellCount + 63) / 64;
        keys = new ulong[cellCount * 2];
        cells = new byte[cellCount];
        chainOf = new int[cellCount];
        nextStone = new int[cellCount];
        chainSize = new int[cellCount];
        libertyCount = new int[cellCount];
        liberties = new ulong[cellCount * words];
        chainHash = new ulong[cellCount];
        empties = new int[size * size];
        emptySlot = new int[cellCount];
        captured = new int[size * size];

        Array.Fill(cells, BorderCell);
        for (var row = 0; row < size; row++)
        {
            for (var col = 0; col < size; col++)
            {
                var cell = CellOf(row, col);
                cells[cell] = EmptyCell;
                keys[cell * 2] = Zobrist.Key(row, col, Color.Black);
                keys[(cell * 2) + 1] = Zobrist.Key(row, col, Color.White);
                emptySlot[cell] = emptyCount;
                empties[emptyCount++] = cell;
            }
        }
    }

    private Board(Board other)
    {
        size = other.size;
        stride = other.stride;
        words = other.words;
        keys = other.keys;
        cells = (byte[])other.cells.Clone();
        chainOf = (int[])other.chainOf.Clone();
        nextStone = (int[])other.nextStone.Clone();
        chainSize = (int[])other.chainSize.Clone();
        libertyCount = (int[])other.libertyCount.Clone();
        liberties = (ulong[])other.liberties.Clone();
        chainHash = (ulong[])other.chainHash.Clone();
        empties = (int[])other.empties.Clone();
        emptySlot = (int[])other.emptySlot.Clone();
        stonesOf = (int[])other.stonesOf.Clone();
        captured = (int[])other.captured.Clone();
        capturedCount = other.capturedCount;
        emptyCount = other.emptyCount;
        koCell = other.koCell;
        hash = other.hash;
    }

    public int Size => size;

    /// <summary>Zobrist hash of the stones on the board (who is to move is not part of it). The empty board hashes to 0.</summary>
    public ulong Hash => hash;

    public int EmptyCount => emptyCount;

    /// <summary>
    /// The point where the opponent of the last mover may not play now because it would retake a ko at once
    /// (the last move captured exactly one stone with a lone stone left in atari). Null after any other move or a pass.
    /// </summary>
    public Point? KoPoint => koCell == NoCell ? null : PointOf(koCell);

    public Stone this[Point point] => (Stone)cells[CellOf(point)];

    public Stone this[int row, int col] => this[new Point(row, col)];

    public bool IsOnBoard(Point point) => point.IsOnBoard(size);

    public int StoneCount(Color color) => stonesOf[(int)color];

    /// <summary>A copy that shares nothing mutable with this board.</summary>
    public Board Clone() => new(this);

    /// <summary>Makes this board an exact copy of <paramref name="other"/> (same size) without allocating: the playout reset.</summary>
    public void CopyFrom(Board other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.size != size)
        {
            throw new ArgumentException($"Cannot copy a {other.size}x{other.size} board onto a {size}x{size} board.", nameof(other));
        }

        other.cells.CopyTo(cells, 0);
        other.chainOf.CopyTo(chainOf, 0);
        other.nextStone.CopyTo(nextStone, 0);
        other.chainSize.CopyTo(chainSize, 0);
        other.libertyCount.CopyTo(libertyCount, 0);
        other.liberties.CopyTo(liberties, 0);
        other.chainHash.CopyTo(chainHash, 0);
        other.empties.CopyTo(empties, 0);
        other.emptySlot.CopyTo(emptySlot, 0);
        other.stonesOf.CopyTo(stonesOf, 0);
        other.captured.AsSpan(0, other.capturedCount).CopyTo(captured);
        capturedCount = other.capturedCount;
        emptyCount = other.emptyCount;
        koCell = other.koCell;
        hash = other.hash;
    }

    /// <summary>The empty points, in no particular order.</summary>
    public IEnumerable<Point> EmptyPoints()
    {
        var points = new Point[emptyCount];
        for (var i = 0; i < emptyCount; i++)
        {
            points[i] = PointOf(empties[i]);
        }

        return points;
    }

    /// <summary>The stones the last <see cref="Play(Point, Color)"/> captured (empty after a pass or a move that captured nothing).</summary>
    public IReadOnlyList<Point> CapturedByLastMove()
    {
        var points = new Point[capturedCount];
        for (var i = 0; i < capturedCount; i++)
        {
            points[i] = PointOf(captured[i]);
        }

        return points;
    }

    /// <summary>The chain through <paramref name="point"/> with its stones and liberties; null on an empty point.</summary>
    public Chain? ChainAt(Point point)
    {
        var cell = CellOf(point);
        if (cells[cell] == EmptyCell)
        {
            return null;
        }

        var head = chainOf[cell];
        var stones = new List<Point>(chainSize[head]);
        var stone = head;
        do
        {
            stones.Add(PointOf(stone));
            stone = nextStone[stone];
        }
        while (stone != head);

        var libertyPoints = new List<Point>(libertyCount[head]);
        var set = liberties.AsSpan(head * words, words);
        for (var w = 0; w < words; w++)
        {
            var bits = set[w];
            while (bits != 0)
            {
                libertyPoints.Add(PointOf((w * 64) + BitOperations.TrailingZeroCount(bits)));
                bits &= bits - 1;
            }
        }

        return new Chain((Color)cells[cell], stones, libertyPoints);
    }

    /// <summary>Number of liberties of the chain through <paramref name="point"/>; 0 on an empty point.</summary>
    public int LibertiesAt(Point point)
    {
        var cell = CellOf(point);
        return cells[cell] == EmptyCell ? 0 : libertyCount[chainOf[cell]];
    }

    /// <summary>Number of stones in the chain through <paramref name="point"/>; 0 on an empty point.</summary>
    public int ChainSizeAt(Point point)
    {
        var cell = CellOf(point);
        return cells[cell] == EmptyCell ? 0 : chainSize[chainOf[cell]];
    }

    /// <summary>The stones row by row (index = row * Size + col).</summary>
    public Stone[] ToArray()
    {
        var stones = new Stone[size * size];
        for (var row = 0; row < size; row++)
        {
            for (var col = 0; col < size; col++)
            {
                stones[(row * size) + col] = (Stone)cells[CellOf(row, col)];
            }
        }

        return stones;
    }

    /// <summary>The board as text, one row per line: X black, O white, . empty (for messages and test failures).</summary>
    public override string ToString()
    {
        var text = new System.Text.StringBuilder((size + 1) * size);
        for (var row = 0; row < size; row++)
        {
            for (var col = 0; col < size; col++)
            {
                text.Append(cells[CellOf(row, col)] switch { (byte)Stone.Black => 'X', (byte)Stone.White => 'O', _ => '.' });
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private int CellOf(int row, int col) => ((row + 1) * stride) + col + 1;

    private int CellOf(Point point)
    {
        if (!point.IsOnBoard(size))
        {
            throw new ArgumentOutOfRangeException(nameof(point), point, $"Point {point} is not on the {size}x{size} board.");
        }

        return CellOf(point.Row, point.Col);
    }

    private Point PointOf(int cell) => new((cell / stride) - 1, (cell % stride) - 1);

    private ulong KeyOf(int cell, byte color) => keys[(cell * 2) + color - 1];
}
