namespace Igo.Domain;

public sealed partial class Board
{
    /// <summary>
    /// A board holding exactly the given stones (row-major, index = row * size + col), as an SGF setup or a test diagram
    /// describes a position, laid in <see cref="LayingOrder"/>. Throws <see cref="ArgumentException"/> when a chain of the
    /// position has no liberty.
    /// </summary>
    public static Board FromStones(int size, IReadOnlyList<Stone> stones)
    {
        var board = new Board(size);
        foreach (var index in LayingOrder(size, stones))
        {
            board.PlayCell(board.CellOf(index / size, index % size), (byte)stones[index]);
        }

        board.Pass();
        return board;
    }

    /// <summary>
    /// An order in which the stones of a position (row-major indexes) can be placed one by one with nothing captured and
    /// nothing suicide: chain by chain, each laid breadth-first from a stone that touches one of its final liberties, so
    /// every partial chain keeps that liberty. Any interleaving of the two colours that keeps each colour's order in
    /// this list is as safe (a game set up by alternating moves). Throws <see cref="ArgumentException"/> when a chain of
    /// the position has no liberty.
    /// </summary>
    public static IReadOnlyList<int> LayingOrder(int size, IReadOnlyList<Stone> stones)
    {
        ArgumentNullException.ThrowIfNull(stones);
        if (stones.Count != size * size)
        {
            throw new ArgumentException($"A {size}x{size} position needs {size * size} points, got {stones.Count}.", nameof(stones));
        }

        var order = new List<int>();
        var placed = new bool[stones.Count];
        for (var start = 0; start < stones.Count; start++)
        {
            if (stones[start] == Stone.Empty || placed[start] || !TouchesEmpty(size, stones, start))
            {
                continue;
            }

            var queue = new Queue<int>();
            queue.Enqueue(start);
            placed[start] = true;
            while (queue.Count > 0)
            {
                var index = queue.Dequeue();
                order.Add(index);
                foreach (var neighbour in NeighbourIndexes(size, index))
                {
                    if (!placed[neighbour] && stones[neighbour] == stones[index])
                    {
                        placed[neighbour] = true;
                        queue.Enqueue(neighbour);
                    }
                }
            }
        }

        for (var index = 0; index < stones.Count; index++)
        {
            if (stones[index] != Stone.Empty && !placed[index])
            {
                throw new ArgumentException($"The chain at {new Point(index / size, index % size)} has no liberty.", nameof(stones));
            }
        }

        return order;
    }

    private static bool TouchesEmpty(int size, IReadOnlyList<Stone> stones, int index)
    {
        foreach (var neighbour in NeighbourIndexes(size, index))
        {
            if (stones[neighbour] == Stone.Empty)
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<int> NeighbourIndexes(int size, int index)
    {
        var (row, col) = (index / size, index % size);
        if (row > 0)
        {
            yield return index - size;
        }

        if (row < size - 1)
        {
            yield return index + size;
        }

        if (col > 0)
        {
            yield return index - 1;
        }

        if (col < size - 1)
        {
            yield return index + 1;
        }
    }
}
