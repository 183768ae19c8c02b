namespace Igo.Domain;

/// <summary>
/// Who owns each empty point: the empty regions (orthogonally connected empty points) that touch stones of one colour only
/// belong to that colour; regions touching both colours (dame, the shared liberties of a seki) or none are neutral.
/// </summary>
public sealed record TerritoryCount(IReadOnlyList<Stone> Owners, PerColor<int> Territory)
{
    /// <summary>The owner of an empty point (<see cref="Stone.Empty"/> when neutral), row-major like <see cref="GameView.Points"/>.</summary>
    public Stone OwnerOf(Point point, int size) => Owners[(point.Row * size) + point.Col];
}

internal static class TerritoryCounter
{
    public static TerritoryCount Count(Board board)
    {
        var size = board.Size;
        var stones = board.ToArray();
        var owners = new Stone[stones.Length];
        var visited = new bool[stones.Length];
        var region = new List<int>();
        var frontier = new Stack<int>();
        int black = 0, white = 0;

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
                owners[index] = owner;
            }

            if (owner == Stone.Black)
            {
                black += region.Count;
            }
            else if (owner == Stone.White)
            {
                white += region.Count;
            }
        }

        return new TerritoryCount(owners, new PerColor<int>(black, white));
    }
}
