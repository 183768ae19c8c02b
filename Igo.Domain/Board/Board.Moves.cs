namespace Igo.Domain;

/// <summary>The outcome of a stone placement: how many stones it captured and the board's new hash.</summary>
public readonly record struct MoveResult(int CapturedCount, ulong Hash);

public sealed partial class Board
{
    /// <summary>
    /// Whether <paramref name="color"/> may place a stone here as far as the board is concerned: the point is empty and
    /// the move is not suicide (a move that captures is never suicide). Ko is the caller's rule.
    /// </summary>
    public bool IsLegal(Point point, Color color) => point.IsOnBoard(size) && IsLegalCell(CellOf(point.Row, point.Col), (byte)color);

    /// <summary>True when the point is empty and the move would leave its own chain without a liberty while capturing nothing.</summary>
    public bool IsSuicide(Point point, Color color)
    {
        var cell = CellOf(point);
        return cells[cell] == EmptyCell && !IsLegalCell(cell, (byte)color);
    }

    /// <summary>
    /// Places a stone, removes the opponent chains it leaves without a liberty and returns the capture count and new hash.
    /// Throws when the move is not <see cref="IsLegal"/>; ko is not checked here.
    /// </summary>
    public MoveResult Play(Point point, Color color)
    {
        var cell = CellOf(point);
        if (!IsLegalCell(cell, (byte)color))
        {
            var reason = cells[cell] == EmptyCell ? "suicide" : "occupied";
            throw new InvalidOperationException($"A {color.ToWord()} stone at {point} is illegal ({reason}).");
        }

        PlayCell(cell, (byte)color);
        return new MoveResult(capturedCount, hash);
    }

    /// <summary>A pass: the board does not change, but the immediate-recapture ban (<see cref="KoPoint"/>) lapses.</summary>
    public void Pass()
    {
        koCell = NoCell;
        capturedCount = 0;
    }

    /// <summary>The hash the board would have after <paramref name="color"/> plays a legal move at <paramref name="point"/>, without playing it.</summary>
    public ulong HashAfter(Point point, Color color) => HashAfterCell(CellOf(point), (byte)color);

    /// <summary>
    /// For every point, row-major (index = row * Size + col): whether <paramref name="color"/> may place a stone there as
    /// far as the board is concerned (<see cref="IsLegal"/>) and, where it may, the hash the board would have after it
    /// (<see cref="HashAfter"/>). One pass over the board: what a view of the whole board needs after every move.
    /// </summary>
    public void Placements(Color color, Span<bool> legal, Span<ulong> hashAfter)
    {
        var points = size * size;
        if (legal.Length != points || hashAfter.Length != points)
        {
            throw new ArgumentException($"A {size}x{size} board has {points} points.", nameof(legal));
        }

        var index = 0;
        for (var row = 0; row < size; row++)
        {
            var cell = CellOf(row, 0);
            for (var col = 0; col < size; col++, cell++, index++)
            {
                legal[index] = IsLegalCell(cell, (byte)color);
                if (legal[index])
                {
                    hashAfter[index] = HashAfterCell(cell, (byte)color);
                }
            }
        }
    }

    private ulong HashAfterCell(int cell, byte own)
    {
        var opponent = (byte)(3 - own);
        var result = hash ^ KeyOf(cell, own);

        // The chains it captures, each once: of four neighbours, the fourth need only be told from the three before.
        int first = NoCell, second = NoCell, third = NoCell;
        foreach (var neighbour in Neighbours(cell))
        {
            if (cells[neighbour] != opponent)
            {
                continue;
            }

            var head = chainOf[neighbour];
            if (libertyCount[head] == 1 && head != first && head != second && head != third)
            {
                result ^= chainHash[head];
                (first, second, third) = (head, first, second);
            }
        }

        return result;
    }

    /// <summary>Removes the whole chain through <paramref name="point"/> (dead stones agreed at the end) and returns how many stones it had.</summary>
    public int RemoveChainAt(Point point)
    {
        var cell = CellOf(point);
        if (cells[cell] == EmptyCell)
        {
            return 0;
        }

        var removed = chainSize[chainOf[cell]];
        capturedCount = 0;
        RemoveChain(chainOf[cell]);
        capturedCount = 0; // a removal is not a capture by a move
        koCell = NoCell;
        return removed;
    }

    private NeighbourCells Neighbours(int cell) => new(cell, stride);

    private bool IsLegalCell(int cell, byte color)
    {
        if (cells[cell] != EmptyCell)
        {
            return false;
        }

        foreach (var neighbour in Neighbours(cell))
        {
            var stone = cells[neighbour];
            if (stone == EmptyCell)
            {
                return true;
            }

            if (stone == BorderCell)
            {
                continue;
            }

            var libertiesLeft = libertyCount[chainOf[neighbour]];
            if (stone == color ? libertiesLeft > 1 : libertiesLeft == 1)
            {
                return true; // joins a chain that keeps another liberty, or captures
            }
        }

        return false;
    }

    // The move is known to be legal. Order matters: take the point from every neighbouring chain's liberties,
    // join own chains, then capture opponent chains left without a liberty (which gives liberties back).
    private void PlayCell(int cell, byte color)
    {
        var opponent = (byte)(3 - color);
        capturedCount = 0;
        cells[cell] = color;
        RemoveEmpty(cell);
        stonesOf[color]++;
        var key = KeyOf(cell, color);
        hash ^= key;

        chainOf[cell] = cell;
        nextStone[cell] = cell;
        chainSize[cell] = 1;
        chainHash[cell] = key;
        libertyCount[cell] = 0;
        liberties.AsSpan(cell * words, words).Clear();

        foreach (var neighbour in Neighbours(cell))
        {
            var stone = cells[neighbour];
            if (stone == EmptyCell)
            {
                AddLiberty(cell, neighbour);
            }
            else if (stone != BorderCell)
            {
                RemoveLiberty(chainOf[neighbour], cell);
            }
        }

        var head = cell;
        foreach (var neighbour in Neighbours(cell))
        {
            if (cells[neighbour] == color && chainOf[neighbour] != head)
            {
                head = Merge(head, chainOf[neighbour]);
            }
        }

        foreach (var neighbour in Neighbours(cell))
        {
            if (cells[neighbour] == opponent && libertyCount[chainOf[neighbour]] == 0)
            {
                RemoveChain(chainOf[neighbour]);
            }
        }

        head = chainOf[cell];
        koCell = capturedCount == 1 && chainSize[head] == 1 && libertyCount[head] == 1 ? captured[0] : NoCell;
    }

    private void AddLiberty(int head, int cell)
    {
        ref var word = ref liberties[(head * words) + (cell >> 6)];
        var bit = 1UL << cell;
        if ((word & bit) == 0)
        {
            word |= bit;
            libertyCount[head]++;
        }
    }

    private void RemoveLiberty(int head, int cell)
    {
        ref var word = ref liberties[(head * words) + (cell >> 6)];
        var bit = 1UL << cell;
        if ((word & bit) != 0)
        {
            word &= ~bit;
            libertyCount[head]--;
        }
    }

    // Union by size: the smaller chain's stones are relabelled, the circular lists spliced, the liberty sets ORed.
    private int Merge(int first, int second)
    {
        var (keep, absorb) = chainSize[first] >= chainSize[second] ? (first, second) : (second, first);
        var stone = absorb;
        do
        {
            chainOf[stone] = keep;
            stone = nextStone[stone];
        }
        while (stone != absorb);

        (nextStone[keep], nextStone[absorb]) = (nextStone[absorb], nextStone[keep]);
        chainSize[keep] += chainSize[absorb];
        chainHash[keep] ^= chainHash[absorb];

        var target = liberties.AsSpan(keep * words, words);
        var source = liberties.AsSpan(absorb * words, words);
        var count = 0;
        for (var w = 0; w < target.Length; w++)
        {
            target[w] |= source[w];
            count += System.Numerics.BitOperations.PopCount(target[w]);
        }

        libertyCount[keep] = count;
        return keep;
    }

    // Empties every stone of the chain, giving each freed point back as a liberty to the chains around it.
    private void RemoveChain(int head)
    {
        var color = cells[head];
        stonesOf[color] -= chainSize[head];
        hash ^= chainHash[head];
        var stone = head;
        do
        {
            var next = nextStone[stone];
            cells[stone] = EmptyCell;
            AddEmpty(stone);
            captured[capturedCount++] = stone;
            foreach (var neighbour in Neighbours(stone))
            {
                var neighbourStone = cells[neighbour];
                if (neighbourStone != EmptyCell && neighbourStone != BorderCell && neighbourStone != color)
                {
                    AddLiberty(chainOf[neighbour], stone);
                }
            }

            stone = next;
        }
        while (stone != head);
    }

    private void AddEmpty(int cell)
    {
        emptySlot[cell] = emptyCount;
        empties[emptyCount++] = cell;
    }

    private void RemoveEmpty(int cell)
    {
        var slot = emptySlot[cell];
        var last = empties[--emptyCount];
        empties[slot] = last;
        emptySlot[last] = slot;
    }

    /// <summary>The four orthogonal neighbours of a cell (border cells included), enumerable without allocation.</summary>
    private struct NeighbourCells(int cell, int stride)
    {
        private int index = -1;

        public readonly NeighbourCells GetEnumerator() => this;

        public readonly int Current => index switch
        {
            0 => cell - stride,
            1 => cell - 1,
            2 => cell + 1,
            _ => cell + stride,
        };

        public bool MoveNext() => ++index < 4;
    }
}
