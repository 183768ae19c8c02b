using Igo.Domain;

namespace Igo.Computer;

/// <summary>
/// Counts a position the way the game would once the given stones are agreed dead: they become prisoners of the other
/// colour and their points empty; an empty region touching one colour only is that colour's territory (the game's own
/// tally). A region touching both colours (open ground in a game still in play, or dame) counts, point by point, for
/// the side that owns the point in most playouts when <c>ownership</c> is given (+1 black to -1 white), else for nobody.
/// </summary>
public static class ScoreEstimator
{
    /// <summary>Black's lead under the position's rules (komi included) after removing <paramref name="deadStones"/>.</summary>
    public static double BlackLead(ComputerPosition position, IEnumerable<Point> deadStones, IReadOnlyList<double>? ownership = null)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(deadStones);
        var (stones, prisoners) = WithoutDead(position, deadStones);
        var owners = RegionOwners(position.Size, stones, ownership);
        double black = 0;
        double white = position.Rules.Komi;
        for (var index = 0; index < stones.Length; index++)
        {
            var counts = stones[index] == Stone.Empty ? owners[index] : position.Rules.Scoring == ScoringRule.Area ? stones[index] : Stone.Empty;
            black += counts == Stone.Black ? 1 : 0;
            white += counts == Stone.White ? 1 : 0;
        }

        if (position.Rules.Scoring == ScoringRule.Territory)
        {
            black += prisoners.Black;
            white += prisoners.White;
        }

        return black - white;
    }

    /// <summary>The territory the game's tally would count once the dead stones are removed: for each empty point, the one colour its region touches (or none).</summary>
    public static Stone[] Territory(ComputerPosition position, IEnumerable<Point> deadStones)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(deadStones);
        return RegionOwners(position.Size, WithoutDead(position, deadStones).Stones, null);
    }

    private static (Stone[] Stones, PerColor<int> Prisoners) WithoutDead(ComputerPosition position, IEnumerable<Point> deadStones)
    {
        var board = position.ToBoard();
        var prisoners = position.Prisoners;
        foreach (var point in deadStones)
        {
            if (board[point].ToColor() is { } color)
            {
                var removed = board.RemoveChainAt(point);
                prisoners = prisoners.With(color.Opponent(), prisoners[color.Opponent()] + removed);
            }
        }

        return (board.ToArray(), prisoners);
    }

    // The game's own flood fill (so the estimate and the tally never disagree on a settled region); only the neutral
    // points are ours to decide, from the playouts' ownership when there is one.
    private static Stone[] RegionOwners(int size, Stone[] stones, IReadOnlyList<double>? ownership) =>
        TerritoryCounter.RegionOwners(size, stones, ownership is null ? null : index => ownership[index] > 0 ? Stone.Black : ownership[index] < 0 ? Stone.White : Stone.Empty);
}
