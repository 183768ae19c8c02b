using Igo.Domain;
using static Igo.Domain.Color;

namespace Igo.Tests.Domain;

[Trait("Category", "Domain")]
public sealed class HandicapTests
{
    // GNU Go 3.8 `fixed_handicap` answers (the GTP specification's table).
    [Theory]
    [InlineData(19, 2, "Q16 D4")]
    [InlineData(19, 3, "D16 Q16 D4")]
    [InlineData(19, 4, "D16 Q16 D4 Q4")]
    [InlineData(19, 5, "D16 Q16 K10 D4 Q4")]
    [InlineData(19, 6, "D16 Q16 D10 Q10 D4 Q4")]
    [InlineData(19, 7, "D16 Q16 D10 K10 Q10 D4 Q4")]
    [InlineData(19, 8, "D16 K16 Q16 D10 Q10 D4 K4 Q4")]
    [InlineData(19, 9, "D16 K16 Q16 D10 K10 Q10 D4 K4 Q4")]
    [InlineData(13, 4, "D10 K10 D4 K4")]
    [InlineData(13, 9, "D10 G10 K10 D7 G7 K7 D4 G4 K4")]
    [InlineData(9, 2, "G7 C3")]
    [InlineData(9, 5, "C7 G7 E5 C3 G3")]
    [InlineData(9, 9, "C7 E7 G7 C5 E5 G5 C3 E3 G3")]
    public void Handicap_stones_sit_on_the_standard_points(int size, int stones, string labels)
    {
        var expected = labels.Split(' ').Select(l => Point.FromLabel(l, size)!.Value).ToHashSet();

        var game = Game.Create(size, Ruleset.Japanese(0.5) with { Handicap = stones });

        Assert.Equal(expected, Handicap.StandardPoints(size, stones).ToHashSet());
        Assert.Equal(expected, game.View().Points.Select((p, i) => (p, i)).Where(x => x.p.Stone == Stone.Black).Select(x => new Point(x.i / size, x.i % size)).ToHashSet());
        Assert.Equal(stones, game.HandicapStones.Count);
    }

    [Fact]
    public void White_moves_first_in_a_handicap_game()
    {
        var game = Game.Create(19, Ruleset.Japanese(0.5) with { Handicap = 4 });

        Assert.Equal(White, game.Turn);
        Assert.Equal(new ActionRefusal.NotYourTurn(Black), game.Place(Black, 9, 9));
        Assert.True(game.Place(White, 9, 9).Accepted);
        Assert.DoesNotContain(game.Moves, m => m.Player == Black);
    }

    [Theory]
    [InlineData(19, 1)]
    [InlineData(19, 10)]
    [InlineData(7, 2)]
    [InlineData(25, 4)]
    public void Unsupported_handicaps_are_refused_at_creation(int size, int stones) =>
        Assert.Throws<ArgumentException>(() => Game.Create(size, Ruleset.Japanese() with { Handicap = stones }));

    [Theory]
    [InlineData(1)]
    [InlineData(26)]
    public void Unsupported_sizes_are_refused_at_creation(int size) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Game.Create(size, Ruleset.Japanese()));
}
