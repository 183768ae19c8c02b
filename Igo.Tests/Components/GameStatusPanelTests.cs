using Bunit;
using Igo.Domain;
using Igo.Web.Components.Play;
using Color = Igo.Domain.Color;

namespace Igo.Tests.Components;

[Trait("Category", "Components")]
public sealed class GameStatusPanelTests : ComponentTestBase
{
    private IRenderedComponent<GameStatusPanel> RenderPanel(GameView view, Color player) =>
        Context.Render<GameStatusPanel>(p => p.Add(s => s.View, view).Add(s => s.Player, player));

    [Fact]
    public void The_opponents_pass_is_in_the_banner_as_plainly_as_a_move()
    {
        var view = PlayedViews.After(9, "C3 D4 PASS");

        var white = RenderPanel(view, Color.White);
        var black = RenderPanel(view, Color.Black);

        Assert.Equal("Black passed. Your move.", white.Find("[data-status]").TextContent.Trim());
        Assert.Contains("passed", white.Find("[data-status]").ClassList);
        Assert.Equal("You passed. Waiting for White to move.", black.Find("[data-status]").TextContent.Trim());
        Assert.DoesNotContain("passed", black.Find("[data-status]").ClassList);
    }

    [Fact]
    public void A_move_after_the_pass_is_an_ordinary_turn_again()
    {
        var game = PlayedViews.Play(9, "C3 PASS");

        var view = PlayedViews.Then(game, ActionType.PlaceStone, Color.Black, Point.FromLabel("E5", 9));
        var white = RenderPanel(view, Color.White);

        Assert.Equal("Your move.", white.Find("[data-status]").TextContent.Trim());
        Assert.DoesNotContain("passed", white.Find("[data-status]").ClassList);
    }
}
