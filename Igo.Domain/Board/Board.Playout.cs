namespace Igo.Domain;

/// <summary>
/// What Monte-Carlo players need from the board's internals, at the speed of its cells: own-eye and self-atari tests,
/// the one random move of a playout, the last liberty of a chain in atari, and the count of a finished playout.
/// </summary>
public sealed partial class Board
{
    /// <summary>
    /// Whether <paramref name="point"/> is an empty single-point eye of <paramref name="color"/>: every neighbour is an own
    /// stone or the edge, and the opponent holds fewer than two diagonals (none on the edge). Random playouts never fill these.
    /// </summary>
    public bool IsEye(Point point, Color color) => IsEyeCell(CellOf(point), (byte)color);

    /// <summary>
    /// Whether a stone of <paramref name="color"/> on the empty <paramref name="point"/> would surely leave its chain with
    /// one liberty while capturing nothing. Liberties shared by the neighbouring chains are counted once per chain, so a
    /// few self-ataris pass as safe; no safe move is called one.
    /// </summary>
    public bool IsSelfAtari(Point point, Color color) => IsSelfAtariCell(CellOf(point), (byte)color);

    /// <summary>The one liberty of the chain through <paramref name="point"/> when it is in atari; null when it has more, or the point is empty.</summary>
    public Point? LibertyInAtari(Point point)
    {
        var cell = CellOf(point);
        if (cells[cell] == EmptyCell)
        {
            return null;
        }

        var head = chainOf[cell];
        if (libertyCount[head] != 1)
        {
            return null;
        }

        var set = liberties.AsSpan(head * words, words);
        for (var w = 0; w < words; w++)
        {
            if (set[w] != 0)
            {
                return PointOf((w * 64) + System.Numerics.BitOperations.TrailingZeroCount(set[w]));
            }
        }

        throw new InvalidOperationException("A chain with one liberty has an empty liberty set.");
    }

    /// <summary>
    /// The random move of a playout: plays a uniformly chosen move for <paramref name="color"/> among the legal ones that
    /// neither retake a ko at once (<see cref="KoPoint"/>), nor fill an own eye (<see cref="IsEye"/>), nor put the mover's
    /// own chain in atari without capturing (<see cref="IsSelfAtari"/>), and returns it; null when there is none (the
    /// caller passes). Without the last two rules a random player fills the inside of its own living groups until they
    /// die, and playouts misjudge every group whose eyes are not yet formed; with them, a finished playout leaves only
    /// eyes, shared liberties and the odd neutral point, which <see cref="CountPlayout"/> counts exactly enough.
    /// </summary>
    public Point? PlayRandomMove(Color color, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var cell = PlayRandomCell((byte)color, random);
        return cell == NoCell ? null : PointOf(cell);
    }

    /// <summary>
    /// The area count of a finished playout, without a flood fill: a stone counts for its colour, an empty point for the
    /// colour of all its stone neighbours (for nobody when both colours or none touch it). Writes each point's owner
    /// (+1 black, -1 white, 0 nobody; row-major) into <paramref name="owners"/> and returns black's points minus white's.
    /// Exact once random play has filled everything but eyes and shared liberties; use <see cref="TerritoryCounter"/> for
    /// any other position.
    /// </summary>
    public int CountPlayout(Span<sbyte> owners)
    {
        if (owners.Length < size * size)
        {
            throw new ArgumentException($"A {size}x{size} board needs {size * size} owners.", nameof(owners));
        }

        var lead = 0;
        var index = 0;
        for (var row = 0; row < size; row++)
        {
            var cell = CellOf(row, 0);
            for (var col = 0; col < size; col++, cell++, index++)
            {
                var owner = OwnerCell(cell);
                owners[index] = owner;
                lead += owner;
            }
        }

        return lead;
    }

    private int PlayRandomCell(byte color, Random random)
    {
        if (emptyCount == 0)
        {
            return NoCell;
        }

        // Probe the empty list cyclically from a random start: one random number per move, every candidate reachable.
        var count = emptyCount;
        var start = random.Next(count);
        for (var i = 0; i < count; i++)
        {
            var slot = start + i;
            if (slot >= count)
            {
                slot -= count;
            }

            var cell = empties[slot];
            if (cell != koCell && !IsEyeCell(cell, color) && IsLegalCell(cell, color) && !IsSelfAtariCell(cell, color))
            {
                PlayCell(cell, color);
                return cell;
            }
        }

        return NoCell;
    }

    private bool IsEyeCell(int cell, byte color)
    {
        if (cells[cell] != EmptyCell)
        {
            return false;
        }

        foreach (var neighbour in Neighbours(cell))
        {
            var stone = cells[neighbour];
            if (stone != color && stone != BorderCell)
            {
                return false;
            }
        }

        var opponent = 3 - color;
        var opponentDiagonals = 0;
        var onEdge = 0;
        foreach (var diagonal in (ReadOnlySpan<int>)[cell - stride - 1, cell - stride + 1, cell + stride - 1, cell + stride + 1])
        {
            var stone = cells[diagonal];
            if (stone == opponent)
            {
                opponentDiagonals++;
            }
            else if (stone == BorderCell)
            {
                onEdge = 1;
            }
        }

        return opponentDiagonals + onEdge < 2;
    }

    private bool IsSelfAtariCell(int cell, byte color)
    {
        var libertiesAfter = 0;
        foreach (var neighbour in Neighbours(cell))
        {
            var stone = cells[neighbour];
            if (stone == EmptyCell)
            {
                libertiesAfter++;
            }
            else if (stone == color)
            {
                libertiesAfter += libertyCount[chainOf[neighbour]] - 1;
            }
            else if (stone != BorderCell && libertyCount[chainOf[neighbour]] == 1)
            {
                return false; // captures
            }

            if (libertiesAfter >= 2)
            {
                return false;
            }
        }

        return true;
    }

    private sbyte OwnerCell(int cell)
    {
        var stone = cells[cell];
        if (stone != EmptyCell)
        {
            return stone == (byte)Stone.Black ? (sbyte)1 : (sbyte)-1;
        }

        var touches = 0; // bit 1: black, bit 2: white (the stone values); the border adds nothing
        foreach (var neighbour in Neighbours(cell))
        {
            var neighbourStone = cells[neighbour];
            if (neighbourStone != BorderCell)
            {
                touches |= neighbourStone;
            }
        }

        return touches switch
        {
            (byte)Stone.Black => 1,
            (byte)Stone.White => -1,
            _ => 0,
        };
    }
}
