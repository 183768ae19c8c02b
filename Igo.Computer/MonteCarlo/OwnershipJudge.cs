using Igo.Domain;

namespace Igo.Computer.MonteCarlo;

/// <summary>Reads dead stones off playout ownership: a chain is dead when, on average over its stones, the opponent owns it in most playouts.</summary>
internal static class OwnershipJudge
{
    /// <summary>
    /// A chain whose ownership toward its own colour is below this (the opponent owns it in about 2 playouts out of 3) is dead.
    /// Random playouts are noisy judges of groups whose eyes are not formed yet, so the bar is a clear majority, not certainty.
    /// </summary>
    private const double DeadBelow = -0.3;

    public static IReadOnlyList<Point> DeadStones(ComputerPosition position, IReadOnlyList<double> ownership)
    {
        var board = position.ToBoard();
        var seen = new bool[position.Stones.Count];
        var dead = new List<Point>();
        for (var index = 0; index < position.Stones.Count; index++)
        {
            if (seen[index] || position.Stones[index].ToColor() is not { } color)
            {
                continue;
            }

            var chain = board.ChainAt(position.PointAt(index))!;
            var sign = color == Color.Black ? 1 : -1;
            var total = 0.0;
            foreach (var stone in chain.Stones)
            {
                var stoneIndex = position.Index(stone);
                seen[stoneIndex] = true;
                total += sign * ownership[stoneIndex];
            }

            if (total / chain.Stones.Count < DeadBelow)
            {
                dead.AddRange(chain.Stones);
            }
        }

        return dead;
    }
}
