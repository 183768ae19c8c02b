using System.Collections.Immutable;

namespace Igo.Domain;

/// <summary>
/// The scoring phase's shared marking: the stones both players see as dead, and a version that goes up with every
/// change, so that an acceptance names the marking it accepts (a change withdraws every acceptance of the one before).
/// </summary>
public sealed record DeadMarking(ImmutableHashSet<Point> Dead, int Version)
{
    public static readonly DeadMarking None = new([], 0);

    /// <summary>
    /// The group a click on <paramref name="point"/> means: the stones of its colour reachable from it through stones of
    /// that colour and empty points. Dead stones sit inside the other colour's area, so the group of one is every stone
    /// of its colour in that area, and one click marks them all; empty points bounded by the other colour stop it.
    /// </summary>
    public static IReadOnlyList<Point> GroupAt(Board board, Point point)
    {
        ArgumentNullException.ThrowIfNull(board);
        if (board[point].ToColor() is not { } color)
        {
            return [];
        }

        var stone = color.ToStone();
        var size = board.Size;
        var seen = new bool[size * size];
        var frontier = new Stack<Point>();
        var group = new List<Point>();
        seen[(point.Row * size) + point.Col] = true;
        frontier.Push(point);
        while (frontier.Count > 0)
        {
            var current = frontier.Pop();
            if (board[current] == stone)
            {
                group.Add(current);
            }

            foreach (var next in (ReadOnlySpan<Point>)[current with { Row = current.Row - 1 }, current with { Row = current.Row + 1 }, current with { Col = current.Col - 1 }, current with { Col = current.Col + 1 }])
            {
                var index = (next.Row * size) + next.Col;
                if (next.IsOnBoard(size) && !seen[index] && (board[next] == stone || board[next] == Stone.Empty))
                {
                    seen[index] = true;
                    frontier.Push(next);
                }
            }
        }

        return group;
    }

    /// <summary>Equal when the same stones are marked at the same version (a set has no order).</summary>
    public bool Equals(DeadMarking? other) =>
        other is not null && Version == other.Version && Dead.SetEquals(other.Dead);

    public override int GetHashCode() => HashCode.Combine(Version, Dead.Count);

    /// <summary>This marking with <paramref name="stones"/> dead (or alive), one version on.</summary>
    public DeadMarking With(IEnumerable<Point> stones, bool dead) =>
        new(dead ? Dead.Union(stones) : Dead.Except(stones), Version + 1);
}
