using Igo.Domain;
using static Igo.Domain.ActionType;
using static Igo.Domain.Color;

namespace Igo.Tests.Domain;

/// <summary>Ko under the three rules, and the positions that trip engines: one-move bans, superko cycles, snapback-like captures.</summary>
[Trait("Category", "Domain")]
public sealed class KoTests
{
    private static readonly string[] DoubleKo =
    [
        ". X O . . . .",
        "X O . O . . .",
        ". X O . . . .",
        ". . . . . . .",
        ". X O . . . .",
        "X . X O . . .",
        ". X O . . . .",
    ];

    private static readonly string[] TripleKo =
    [
        ". X O . . . X O .",
        "X O . O . X O . O",
        ". X O . . . X O .",
        ". . . . . . . . .",
        ". X O . . . . . .",
        "X . X O . . . . .",
        ". X O . . . . . .",
        ". . . . . . . . .",
        ". . . . . . . . .",
    ];

    private static Game KoGame(KoRule rule, int size = 4)
    {
        var game = Game.Create(size, new Ruleset(rule, ScoringRule.Territory, 6.5));
        game.Stones((1, 0), (2, 0), (0, 1), (3, 1), (1, 2), (2, 2), (2, 1), (1, 1)); // white has just taken the ko
        return game;
    }

    [Theory]
    [InlineData(KoRule.Simple)]
    [InlineData(KoRule.PositionalSuperko)]
    [InlineData(KoRule.SituationalSuperko)]
    public void An_immediate_retake_is_simple_ko_under_every_rule(KoRule rule)
    {
        var game = KoGame(rule);

        Assert.Equal(new ActionRefusal.Ko(new Point(2, 1), KoRule.Simple), game.Place(Black, 2, 1));
    }

    [Theory]
    [InlineData(KoRule.Simple)]
    [InlineData(KoRule.PositionalSuperko)]
    [InlineData(KoRule.SituationalSuperko)]
    public void The_ko_ban_lasts_one_move(KoRule rule)
    {
        var game = KoGame(rule);

        game.Stones((0, 3), (3, 3)); // a ko threat and its answer

        Assert.True(game.Place(Black, 2, 1).Accepted);
        Assert.Equal(new PerColor<int>(1, 1), game.Prisoners);
    }

    [Fact]
    public void Passes_and_an_endgame_interlude_do_not_lift_the_simple_ko_ban()
    {
        var game = KoGame(KoRule.Simple);
        game.BothPass();
        game.MustDo(MarkDead, White, new Point(0, 1));
        game.MustDo(Reject, Black);
        Assert.Equal((GameStatus.Play, Black), (game.Status, game.Turn));

        Assert.Equal(new ActionRefusal.Ko(new Point(2, 1), KoRule.Simple), game.Place(Black, 2, 1));
    }

    [Theory]
    [InlineData(KoRule.Simple, true)]
    [InlineData(KoRule.PositionalSuperko, false)]
    [InlineData(KoRule.SituationalSuperko, true)]
    public void Recreating_a_board_seen_with_the_other_player_to_move_is_positional_superko_only(KoRule rule, bool allowed)
    {
        var game = Game.Create(7, new Ruleset(rule, ScoringRule.Area, 7.5));
        game.SetUp(Black, DoubleKo);
        var start = game.BoardHash; // black to move

        game.Stones((1, 2), (5, 1)); // black takes the upper ko, white the lower one
        game.MustDo(Pass, Black);
        game.Stones((1, 1)); // white retakes the upper ko

        var retake = game.Place(Black, 5, 2); // would bring back the start board, now with white to move

        Assert.Equal(allowed, retake.Accepted);
        if (allowed)
        {
            Assert.Equal(start, game.BoardHash);
        }
        else
        {
            Assert.Equal(new ActionRefusal.Ko(new Point(5, 2), KoRule.PositionalSuperko), retake);
            Assert.False(game.IsLegalPlacement(new Point(5, 2), Black));
        }
    }

    [Theory]
    [InlineData(KoRule.Simple, false)]
    [InlineData(KoRule.PositionalSuperko, true)]
    [InlineData(KoRule.SituationalSuperko, true)]
    public void A_triple_ko_cycles_under_simple_ko_and_is_broken_by_superko(KoRule rule, bool refused)
    {
        var game = Game.Create(9, new Ruleset(rule, ScoringRule.Territory, 6.5));
        game.SetUp(Black, TripleKo);
        var start = game.BoardHash;

        // Each player takes one ko per turn; five captures, then the sixth would complete the cycle.
        game.Stones((1, 2), (5, 1), (1, 7), (1, 1), (5, 2));
        Assert.Equal(rule == KoRule.Simple, game.LegalMoves().Contains(new Point(1, 6)));
        var sixth = game.Place(White, 1, 6);

        if (!refused)
        {
            Assert.True(sixth.Accepted);
            Assert.Equal(start, game.BoardHash);
            game.Stones((1, 2)); // and round it goes
        }
        else
        {
            Assert.Equal(new ActionRefusal.Ko(new Point(1, 6), rule), sixth);
        }
    }

    [Theory]
    [InlineData(KoRule.Simple)]
    [InlineData(KoRule.PositionalSuperko)]
    [InlineData(KoRule.SituationalSuperko)]
    public void Sending_two_and_returning_one_is_not_a_ko(KoRule rule)
    {
        var game = Game.Create(5, new Ruleset(rule, ScoringRule.Territory, 6.5));
        game.SetUp(Black,
            ". X X O .",
            "X O O . O",
            ". X X O .",
            ". . . . .",
            ". . . . .");

        Assert.True(game.Place(Black, 1, 3).Accepted); // captures two; the capturing stone is left in atari
        Assert.Equal(2, game.Prisoners.Black);

        var returnOne = game.Place(White, 1, 2);

        Assert.True(returnOne.Accepted, returnOne.ToString());
        Assert.Equal(1, game.Prisoners.White);
        Assert.Equal(Stone.Empty, game.View()[new Point(1, 3)].Stone);
    }

    [Fact]
    public void Snapback_is_legal_and_not_a_ko()
    {
        var game = Game.Create(6, Ruleset.Japanese());
        game.SetUp(White,
            "O X . . X O",
            "O X X X X O",
            ". O O O O .",
            ". . . . . .",
            ". . . . . .",
            ". . . . . .");

        game.Stones((0, 2), (0, 3)); // white throws in, black captures it
        var snapback = game.Place(White, 0, 2);

        Assert.True(snapback.Accepted, snapback.ToString());
        Assert.Equal(7, game.Prisoners.White);
    }

    [Fact]
    public void Capture_comes_before_the_suicide_check()
    {
        var game = Game.Create(4, Ruleset.Japanese());
        game.SetUp(Black,
            ". O X .",
            "O X . .",
            ". . . .",
            ". . . .");

        Assert.True(game.Place(Black, 0, 0).Accepted);
        Assert.Equal(1, game.Prisoners.Black);
    }

    [Fact]
    public void Multi_stone_suicide_is_refused()
    {
        var game = Game.Create(4, Ruleset.Japanese());
        game.SetUp(White,
            "O . O X",
            "X X X .",
            ". . . .",
            ". . . .");

        Assert.Equal(new ActionRefusal.Suicide(new Point(0, 1)), game.Place(White, 0, 1));
    }
}
