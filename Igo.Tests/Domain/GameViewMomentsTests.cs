using Igo.Domain;
using Igo.Tests.Components;
using static Igo.Domain.ActionType;
using static Igo.Domain.Color;

namespace Igo.Tests.Domain;

/// <summary>What a view tells a UI beyond the board: the last move of the line of play, each colour's last move, the ko, and why a point is refused.</summary>
[Trait("Category", "Domain")]
public sealed class GameViewMomentsTests
{
    [Fact]
    public void The_ko_point_and_each_refused_point_carry_the_rules_reason()
    {
        var view = PlayedViews.After(9, PlayedViews.KoAtE5);

        Assert.Equal(Point.FromLabel("E5", 9), view.KoPoint);
        Assert.Equal(new ActionRefusal.Ko(Point.FromLabel("E5", 9)!.Value, KoRule.Simple), view.PlacementRefusal(Point.FromLabel("E5", 9)!.Value));
        Assert.Equal(new ActionRefusal.Suicide(Point.FromLabel("A1", 9)!.Value), view.PlacementRefusal(Point.FromLabel("A1", 9)!.Value));
        Assert.Equal(new ActionRefusal.Occupied(Point.FromLabel("D5", 9)!.Value), view.PlacementRefusal(Point.FromLabel("D5", 9)!.Value));
        Assert.Null(view.PlacementRefusal(Point.FromLabel("G3", 9)!.Value));
    }

    [Fact]
    public void The_ko_is_gone_once_black_plays_elsewhere()
    {
        var game = PlayedViews.Play(9, PlayedViews.KoAtE5);

        var view = PlayedViews.Then(game, PlaceStone, Black, Point.FromLabel("H2", 9));

        Assert.Null(view.KoPoint);
        Assert.DoesNotContain(view.Refusals.Values, refusal => refusal is ActionRefusal.Ko);
    }

    [Fact]
    public void A_pass_is_the_last_play_though_no_stone_was_placed()
    {
        var view = PlayedViews.After(9, "C3 PASS");

        Assert.Equal(new Move(White, null), view.LastPlay);
        Assert.Null(view.LastMove);
        Assert.Equal(new Move(Black, Point.FromLabel("C3", 9)), view.LastMoveBy[Black]);
    }

    [Fact]
    public void After_an_accepted_undo_the_last_play_is_the_move_before_the_one_taken_back()
    {
        var game = PlayedViews.Play(9, "C3 D4");
        var asked = PlayedViews.Then(game, RequestUndo, White);
        Assert.Equal(new Move(White, Point.FromLabel("D4", 9)), asked.LastMoveBy[White]);
        Assert.Equal(new Move(White, Point.FromLabel("D4", 9)), asked.LastPlay);

        var undone = PlayedViews.Then(game, Accept, Black);

        Assert.Equal(new Move(Black, Point.FromLabel("C3", 9)), undone.LastPlay);
        Assert.Null(undone.LastMoveBy[White]);
    }
}
