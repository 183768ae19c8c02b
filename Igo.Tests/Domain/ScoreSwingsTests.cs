using Igo.Domain;
using static Igo.Domain.Color;

namespace Igo.Tests.Domain;

[Trait("Category", "Domain")]
public sealed class ScoreSwingsTests
{
    private static IReadOnlyList<Move> Alternating(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new Move(i % 2 == 0 ? Black : White, new Point(i / 5, i % 5)))];

    [Fact]
    public void Each_player_gets_their_biggest_losses_in_move_order()
    {
        // After each move: black's moves (odd numbers) lose 5, 1, 9, 2, 7; white's moves lose 3, 0.5, 8, 4, 6.
        double[] changes = [-5, 3, -1, 0.5, -9, 8, -2, 4, -7, 6];
        var leads = new List<double> { 0 };
        foreach (var change in changes)
        {
            leads.Add(leads[^1] + change);
        }

        var swings = ScoreSwings.Biggest(Alternating(10), leads);

        Assert.Equal([1, 5, 6, 8, 9, 10], swings.Select(s => s.MoveNumber));
        Assert.Equal([Black, Black, White, White, Black, White], swings.Select(s => s.Player));
        Assert.Equal(9, swings.Single(s => s.MoveNumber == 5).Loss);
    }

    [Fact]
    public void Gains_and_small_changes_are_not_swings()
    {
        IReadOnlyList<double> leads = [0, 4, 7.5, 7.2, -1];

        var swings = ScoreSwings.Biggest(Alternating(4), leads);

        Assert.Equal([new ScoreSwing(2, White, 3.5)], swings);
    }

    [Fact]
    public void Leads_must_match_the_moves()
    {
        Assert.Throws<ArgumentException>(() => ScoreSwings.Biggest(Alternating(3), [0, 1]));
    }
}
