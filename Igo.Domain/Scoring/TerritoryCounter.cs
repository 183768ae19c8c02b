namespace Igo.Domain;

/// <summary>
/// Who owns each empty point: the empty regions (orthogonally connected empty points) that touch stones of one colour only
/// belong to that colour; regions touching both colours (dame, the shared liberties of a seki) or none are neutral.
/// </summary>
public sealed record TerritoryCount(IReadOnlyList<Stone> Owners, PerColor<int> Territory)
{
    /// <summary>The owner of an empty point (<see cref="Stone.Empty"/> when neutral), row-major like <see cref="GameView.Points"/>.</summary>
    public Stone OwnerOf(Point point, int size) => Owners[(point.Row * size) + point.Col];

    /// <summary>Equal when every point has the same owner.</summary>
    public bool Equals(TerritoryCount? other) =>
        other is not null && Territory == other.Territory && Owners.SequenceEqual(other.Owners);

    public override int GetHashCode() => HashCode.Combine(Territory, Owners.Count);
}

/// <summary>
/// The one flood fill of empty regions: the game's tally and playouts count with it, and the computer players' score
/// estimates (outside the Domain) reuse it, deciding the neutral points themselves.
/// </summary>
public static class TerritoryCounter
{
    public static TerritoryCount Count(Board board)
    {
        ArgumentNullException.ThrowIfNull(board);
        var owners = RegionOwners(board.Size, board.ToArray());
        int black = 0, white = 0;
        foreach (var owner in owners)
        {
            black += owner == Stone.Black ? 1 : 0;
            white += owner == Stone.White ? 1 : 0;
        }

        return new TerritoryCount(owners, new PerColor<int>(black, white));
    }

    /// <summary>
    /// For each point of a row-major board of <paramref name="stones"/>: the colour whose stones alone its empty region
    /// touches; for a point of a neutral region (touching both colours or none), what <paramref name="neutralOwner"/>
    /// says of its index, or <see cref="Stone.Empty"/> without one; <see cref="Stone.Empty"/> for points holding a stone.
    /// </summary>
    public static Stone[] RegionOwners(int size, ReadOnlySpan<Stone> stones, Func<int, Stone>? neutralOwner = null)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(stones.Length, size * size, nameof(stones));
        var owners = new Stone[stones.Length];
        var visited = new bool[stones.Length];
        var region = new List<int>();
        var frontier = new Stack<int>();
        for (var start = 0; start < stones.Length; start++)
        {
            if (stones[start] != Stone.Empty || visited[start])
            {
                continue;
            }

            region.Clear();
            var touchesBlack = false;
            var touchesWhite = false;
            visited[start] = true;
            frontier.Push(start);
            while (frontier.Count > 0)
            {
                var index = frontier.Pop();
                region.Add(index);
                var (row, col) = (index / size, index % size);
                foreach (var neighbour in (ReadOnlySpan<int>)[row > 0 ? index - size : -1, row < size - 1 ? index + size : -1, col > 0 ? index - 1 : -1, col < size - 1 ? index + 1 : -1])
                {
                    if (neighbour < 0)
                    {
                        continue;
                    }

                    switch (stones[neighbour])
                    {
                        case Stone.Black:
                            touchesBlack = true;
                            break;
                        case Stone.White:
                            touchesWhite = true;
                            break;
                        default:
                            if (!visited[neighbour])
                            {
                                visited[neighbour] = true;
                                frontier.Push(neighbour);
                            }

                            break;
                    }
                }
            }

            var owner = touchesBlack == touchesWhite ? Stone.Empty : touchesBlack ? Stone.Black : Stone.White;
            foreach (var index in region)
            {
                owners[index] = owner == Stone.Empty && neutralOwner is not null ? neutralOwner(index) : owner;
            }
        }

        return owners;
    }
}
