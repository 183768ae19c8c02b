using Igo.Domain;
using static Igo.Domain.ActionType;
using static Igo.Domain.Color;

namespace Igo.Tests.Domain;

[Trait("Category", "Domain")]
public sealed class ScoringTests
{
    // The white chain and the inner black chain share two liberties and have no eye: seki.
    private static readonly string[] Seki =
    [
        "X . O X . . .",
        "X . O X . . .",
        "X X O X . . .",
        "O O O X . . .",
        "X X X X . . .",
        ". . . . . . .",
        ". . . . . . .",
    ];

    private static GameView Tallied(Ruleset rules, params string[] rows)
    {
        var game = Game.Create(rows.Length, rules);
        game.SetUp(Black, rows);
        game.BothPass();
        game.MustDo(RequestTally, Black);
        game.MustDo(Accept, White);
        return game.View();
    }

    [Fact]
    public void Seki_liberties_are_no_ones_territory_under_territory_scoring()
    {
        var view = Tallied(Ruleset.Japanese(6.5), Seki);

        Assert.Equal(new PerColor<int>(29, 0), view.Territory);
        Assert.Equal(new PerColor<double>(29, 6.5), view.Score);
        Assert.Equal(new PointState(Stone.Empty, false, true, Stone.Empty), view[new Point(0, 1)]);
        Assert.Equal(new PointState(Stone.Empty, false, true, Stone.Empty), view[new Point(1, 1)]);
        Assert.Equal(new GameResult(ResultType.StandardWin, Black), view.Result);
    }

    [Fact]
    public void Seki_stones_count_under_area_scoring_but_their_shared_liberties_do_not()
    {
        var view = Tallied(new Ruleset(KoRule.PositionalSuperko, ScoringRule.Area, 6.5), Seki);

        Assert.Equal(new PerColor<int>(29, 0), view.Territory);
        Assert.Equal(new PerColor<double>(12 + 29, 6 + 6.5), view.Score);
        Assert.Equal(Stone.Empty, view[new Point(0, 1)].CountsFor);
    }

    [Fact]
    public void Territory_scoring_adds_prisoners_and_area_scoring_ignores_them()
    {
        var rows = new[]
        {
            ". X O .",
            ". X O .",
            ". X O .",
            ". X O .",
        };

        var japanese = Game.Create(4, Ruleset.Japanese(0.5));
        japanese.SetUp(White, rows);
        japanese.Stones((0, 0)); // white throws a stone into black's area
        japanese.BothPass();
        japanese.MustDo(MarkDead, Black, new Point(0, 0));
        japanese.MustDo(Accept, White);
        japanese.MustDo(RequestTally, White);
        japanese.MustDo(Accept, Black);

        // Black: 4 territory + 1 prisoner = 5; white: 4 + 0.5 komi.
        Assert.Equal(new PerColor<double>(5, 4.5), japanese.View().Score);
        Assert.Equal(new GameResult(ResultType.StandardWin, Black), japanese.Result);

        var chinese = Game.Create(4, new Ruleset(KoRule.PositionalSuperko, ScoringRule.Area, 0.5));
        chinese.SetUp(White, rows);
        chinese.Stones((0, 0));
        chinese.BothPass();
        chinese.MustDo(MarkDead, Black, new Point(0, 0));
        chinese.MustDo(Accept, White);
        chinese.MustDo(RequestTally, White);
        chinese.MustDo(Accept, Black);

        // Black: 4 stones + 4 territory; white: 4 + 4 + 0.5.
        Assert.Equal(new PerColor<double>(8, 8.5), chinese.View().Score);
        Assert.Equal(new GameResult(ResultType.StandardWin, White), chinese.Result);
    }

    [Fact]
    public void An_empty_board_is_no_ones_territory()
    {
        var view = Tallied(Ruleset.Japanese(0), ". . .", ". . .", ". . .");

        Assert.Equal(new PerColor<int>(0, 0), view.Territory);
        Assert.Equal(new GameResult(ResultType.Draw, null), view.Result);
        Assert.All(view.Points, p => Assert.Equal(new PointState(Stone.Empty, false, true, Stone.Empty), p));
    }
}
