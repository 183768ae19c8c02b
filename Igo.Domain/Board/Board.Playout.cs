namespace Igo.Domain;

/// <summary>What Monte-Carlo players need: own-eye detection, random legal moves, whole random games and a fast area count.</summary>
public sealed partial class Board
{
    /// <summary>
    /// Whether <paramref name="point"/> is an empty single-point eye of <paramref name="color"/>: every neighbour is an own
    /// stone or the edge, and the opponent holds fewer than two diagonals (none on the edge). Random playouts never fill these.
    /// </summary>
    public bool IsEye(Point point, Color color) => IsEyeCell(CellOf(point), (byte)color);

    /// <summary>
    /// Plays a uniformly chosen move for <paramref name="color"/> among the legal ones that neither fill an own eye nor
    /// retake a ko at once (<see cref="KoPoint"/>), and returns it; null when there is none (the caller passes).
    /// </summary>
    public Point? PlayRandomMove(Color color, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var cell = PlayRandomCell((byte)color, random);
        return cell == NoCell ? null : PointOf(cell);
    }

    /// <summary>
    /// Plays random moves (as <see cref="PlayRandomMove"/>) from <paramref name="toMove"/> on, alternating colours, until
    /// both players pass in a row or <paramref name="maxMoves"/> stones have been placed. Returns the number of stones placed.
    /// </summary>
    public int PlayRandomGame(Color toMove, Random random, int maxMoves)
    {
        ArgumentNullException.ThrowIfNull(random);
        var color = (byte)toMove;
        var played = 0;
        var passes = 0;
        while (passes < 2 && played < maxMoves)
        {
            if (PlayRandomCell(color, random) == NoCell)
            {
                Pass();
                passes++;
            }
            else
            {
                played++;
                passes = 0;
            }

            color = (byte)(3 - color);
        }

        return played;
    }

    /// <summary>
    /// Area count of the position as it stands (no dead stones removed): stones plus the empty regions that touch only
    /// one colour. Black minus white minus komi decides a finished playout.
    /// </summary>
    public PerColor<int> AreaCount()
    {
        var territory = TerritoryCounter.Count(this);
        return new PerColor<int>(
            stonesOf[(int)Stone.Black] + territory.Territory.Black,
            stonesOf[(int)Stone.White] + territory.Territory.White);
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
            if (cell != koCell && !IsEyeCell(cell, color) && IsLegalCell(cell, color))
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
}
