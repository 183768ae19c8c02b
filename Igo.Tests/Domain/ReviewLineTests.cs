using Igo.Domain;
using static Igo.Domain.Color;

namespace Igo.Tests.Domain;

/// <summary>The review's replay of a game's line and its variations: captures, ko, move numbers, the final board.</summary>
[Trait("Category", "Domain")]
public sealed class ReviewLineTests
{
    // Black, white, black, white... on 4x4; white's eighth move takes the ko, capturing the black stone at (2,1).
    private static readonly (int Row, int Col)[] KoFight = [(1, 0), (2, 0), (0, 1), (3, 1), (1, 2), (2, 2), (2, 1), (1, 1)];

    private static Game KoGame()
    {
        var game = Game.Create(4, new Ruleset(KoRule.Simple, ScoringRule.Territory, 6.5));
        game.Stones(KoFight);
        return game;
    }

    [Fact]
    public void Stepping_replays_the_captures_as_they_happened()
    {
        var line = new ReviewLine(ReviewRecord.Of(KoGame()));

        Assert.True(line.GoTo(7));
        Assert.Equal(Stone.Black, line.Frame().View[new Point(2, 1)].Stone);
        Assert.Equal(7, line.Frame().StoneNumbers[(2 * 4) + 1]);

        Assert.True(line.Step(1));
        var frame = line.Frame();
        Assert.Equal(Stone.Empty, frame.View[new Point(2, 1)].Stone);
        Assert.Equal(0, frame.StoneNumbers[(2 * 4) + 1]);
        Assert.Equal(1, frame.Captured);
        Assert.Equal(new PerColor<int>(0, 1), frame.View.Prisoners);
        Assert.Equal("Move 8, White B3, captures 1", frame.Describe());
        Assert.Equal(new Point(1, 1), frame.View.LastMove);
    }

    [Fact]
    public void GoTo_clamps_to_the_line_and_says_when_nothing_moved()
    {
        var line = new ReviewLine(ReviewRecord.Of(KoGame()));

        Assert.False(line.GoTo(-3));
        Assert.Equal("Start of the game", line.Frame().Describe());
        Assert.True(line.GoTo(99));
        Assert.Equal(8, line.Cursor);
        Assert.True(line.AtEnd);
        Assert.False(line.Step(10));
        Assert.True(line.Step(-10));
        Assert.Equal(0, line.Cursor);
    }

    [Fact]
    public void The_ko_ban_holds_in_a_variation_and_changes_nothing()
    {
        var line = new ReviewLine(ReviewRecord.Of(KoGame()));
        line.GoTo(8);

        Assert.Equal(new ActionRefusal.Ko(new Point(2, 1), KoRule.Simple), line.Try(new Point(2, 1)));
        Assert.False(line.Frame().View.IsLegalPlacement(new Point(2, 1)));
        Assert.False(line.InVariation);
        Assert.Equal(8, line.Cursor);
        Assert.Equal(new ActionRefusal.Occupied(new Point(1, 1)), line.Try(new Point(1, 1)));
    }

    [Fact]
    public void A_variation_leaves_the_game_line_and_back_to_the_game_returns_where_they_parted()
    {
        var record = ReviewRecord.Of(KoGame());
        var line = new ReviewLine(record);
        line.GoTo(6);

        Assert.Null(line.Try(new Point(3, 3)));
        Assert.True(line.InVariation);
        Assert.Equal(6, line.BranchAt);
        Assert.Equal(7, line.Cursor);
        Assert.Equal(new Move(Black, new Point(3, 3)), line.Moves[6]);
        Assert.Equal(7, line.Moves.Count);

        Assert.Null(line.Try(new Point(0, 3)));
        Assert.Equal(8, line.Cursor);
        Assert.Equal(Stone.White, line.Frame().View[new Point(0, 3)].Stone);

        Assert.True(line.BackToGame());
        Assert.False(line.InVariation);
        Assert.Equal(6, line.Cursor);
        Assert.Equal(record.Moves, line.Moves);
        Assert.False(line.BackToGame());
    }

    [Fact]
    public void Trying_the_game_move_follows_the_game_line()
    {
        var line = new ReviewLine(ReviewRecord.Of(KoGame()));
        line.GoTo(6);

        Assert.Null(line.Try(new Point(2, 1)));

        Assert.False(line.InVariation);
        Assert.Equal(7, line.Cursor);
        Assert.Equal(8, line.Moves.Count);
    }

    [Fact]
    public void Stepping_back_in_a_variation_and_trying_the_game_move_rejoins_the_game_line()
    {
        var line = new ReviewLine(ReviewRecord.Of(KoGame()));
        line.GoTo(6);
        line.Try(new Point(3, 3));
        line.Step(-1);

        Assert.Null(line.Try(new Point(2, 1)));

        Assert.False(line.InVariation);
        Assert.Equal(8, line.Moves.Count);
    }

    [Fact]
    public void The_end_of_a_counted_game_shows_its_territory_but_a_variation_does_not()
    {
        var game = Game.Create(5, new Ruleset(KoRule.Simple, ScoringRule.Area, 0.5));
        game.Stones((0, 1), (0, 3), (1, 1), (1, 3), (2, 1), (2, 3), (3, 1), (3, 3), (4, 1), (4, 3));
        game.BothPass();
        game.MustDo(ActionType.RequestTally, Black);
        game.MustDo(ActionType.Accept, White);
        Assert.Equal(GameStatus.Complete, game.Status);
        var line = new ReviewLine(ReviewRecord.Of(game));

        line.GoTo(99);
        Assert.Equal(Stone.Black, line.Frame().View[new Point(2, 0)].CountsFor);
        Assert.True(line.Frame().View[new Point(2, 0)].Counted);

        line.Step(-2);
        Assert.False(line.Frame().View[new Point(2, 0)].Counted);
    }

    [Fact]
    public void A_live_game_s_new_moves_lengthen_the_line_and_leave_the_cursor_and_a_variation_where_they_are()
    {
        var opening = Game.Create(4, new Ruleset(KoRule.Simple, ScoringRule.Territory, 6.5));
        opening.Stones(KoFight[..4]);
        var line = new ReviewLine(ReviewRecord.Of(opening));
        line.GoTo(2);

        Assert.True(line.Follow(ReviewRecord.Of(KoGame())));

        Assert.Equal((2, 8), (line.Cursor, line.Moves.Count));
        Assert.Equal("Move 2, White A2", line.Frame().Describe());
        Assert.True(line.GoTo(8));
        Assert.Equal("Move 8, White B3, captures 1", line.Frame().Describe());

        // In a variation, the game's new moves wait for the return to the game.
        var variation = new ReviewLine(ReviewRecord.Of(opening));
        variation.GoTo(2);
        Assert.Null(variation.Try(new Point(3, 3)));
        Assert.True(variation.Follow(ReviewRecord.Of(KoGame())));
        Assert.Equal((2, 3, 3), (variation.BranchAt, variation.Cursor, variation.Moves.Count));
        Assert.True(variation.BackToGame());
        Assert.Equal((2, 8), (variation.Cursor, variation.Moves.Count));
    }

    [Fact]
    public void Following_another_game_is_refused_and_changes_nothing()
    {
        var line = new ReviewLine(ReviewRecord.Of(KoGame()));
        var record = line.Record;
        var other = Game.Create(4, new Ruleset(KoRule.Simple, ScoringRule.Territory, 6.5));
        other.Stones([(3, 3)]);

        Assert.False(line.Follow(ReviewRecord.Of(other)));
        Assert.False(line.Follow(record with { Rules = record.Rules with { Komi = 0.5 } }));
        Assert.False(line.Follow(record with { Moves = [.. record.Moves.Take(3)] }));
        Assert.Same(record, line.Record);
        Assert.Equal(8, line.Moves.Count);
    }
}
