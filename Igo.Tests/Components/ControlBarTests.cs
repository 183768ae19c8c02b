using Bunit;
using Igo.Domain;
using Igo.Web.Components.Play;
using MudBlazor;
using Color = Igo.Domain.Color;

namespace Igo.Tests.Components;

[Trait("Category", "Components")]
public sealed class ControlBarTests : ComponentTestBase
{
    private readonly List<ActionType> actions = [];

    private IRenderedComponent<ControlBar> RenderBar(GameView view, Color player, bool busy = false) =>
        Context.Render<ControlBar>(p => p
            .Add(c => c.View, view)
            .Add(c => c.Permissions, GamePermissions.For(view, player))
            .Add(c => c.Busy, busy)
            .Add(c => c.OnAction, type => actions.Add(type)));

    private static bool Disabled(IRenderedComponent<ControlBar> bar, string action) =>
        bar.Find($"[data-action={action}]").HasAttribute("disabled");

    [Fact]
    public void On_your_first_turn_pass_draw_and_resign_are_enabled_but_there_is_nothing_to_undo()
    {
        var view = TestViews.Empty(9) with { MoveNumber = 0 };

        var bar = RenderBar(view, Color.Black);

        Assert.False(Disabled(bar, "pass"));
        Assert.False(Disabled(bar, "draw"));
        Assert.False(Disabled(bar, "resign"));
        Assert.True(Disabled(bar, "undo"));
    }

    [Fact]
    public void On_the_opponents_turn_only_resign_and_undo_of_your_own_move_are_enabled()
    {
        var view = TestViews.Place(TestViews.Empty(9) with { MoveNumber = 0 }, new Point(2, 2), Color.Black);

        var bar = RenderBar(view, Color.Black);

        Assert.True(Disabled(bar, "pass"));
        Assert.True(Disabled(bar, "draw"));
        Assert.False(Disabled(bar, "resign"));
        Assert.False(Disabled(bar, "undo"));
    }

    [Fact]
    public void Every_action_is_disabled_while_one_is_in_flight()
    {
        var bar = RenderBar(TestViews.Empty(9), Color.Black, busy: true);

        Assert.True(Disabled(bar, "pass"));
        Assert.True(Disabled(bar, "resign"));
    }

    [Fact]
    public void The_endgame_explains_marking_groups_and_leaves_the_count_to_the_scoring_panel()
    {
        var bar = RenderBar(TestViews.Empty(9, GameStatus.Endgame), Color.White);

        Assert.Empty(bar.FindAll("[data-action=pass]"));
        Assert.Empty(bar.FindAll("[data-action=tally]"));
        Assert.Contains("Click a group on the board to mark it dead or alive", bar.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_is_offered_once_the_game_is_complete()
    {
        var bar = RenderBar(TestViews.Empty(9, GameStatus.Complete), Color.White);

        Assert.Empty(bar.FindAll("button"));
    }

    [Fact]
    public void Pass_sends_a_pass()
    {
        var bar = RenderBar(TestViews.Empty(9), Color.Black);

        bar.Find("[data-action=pass]").Click();

        Assert.Equal([ActionType.Pass], actions);
    }

    [Fact]
    public async Task Resign_asks_for_confirmation_and_only_resigns_when_confirmed()
    {
        var dialogs = Context.Render<MudDialogProvider>();
        var bar = RenderBar(TestViews.Empty(9), Color.Black);

        // The click's handler waits for the answer, so it completes only after a dialog button is pressed.
        var cancelled = bar.Find("[data-action=resign]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Resign this game?", dialogs.Markup, StringComparison.Ordinal));
        Assert.Empty(actions);
        dialogs.FindAll("button").Single(b => b.TextContent.Contains("Keep playing", StringComparison.Ordinal)).Click();
        await cancelled.WaitAsync(TimeSpan.FromSeconds(5), Xunit.TestContext.Current.CancellationToken);
        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Resign this game?", dialogs.Markup, StringComparison.Ordinal));
        Assert.Empty(actions);

        var confirmed = bar.Find("[data-action=resign]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Resign this game?", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Resign").Click();
        await confirmed.WaitAsync(TimeSpan.FromSeconds(5), Xunit.TestContext.Current.CancellationToken);

        Assert.Equal([ActionType.Resign], actions);
    }

    [Fact]
    public void The_requester_sees_that_the_answer_is_awaited()
    {
        var view = TestViews.Empty(9, GameStatus.RequestPending) with { PendingRequest = new PendingRequest(RequestType.Draw, Color.Black) };

        var bar = RenderBar(view, Color.Black);

        Assert.Contains("Waiting for your opponent's answer", bar.Markup, StringComparison.Ordinal);
        Assert.True(Disabled(bar, "pass"));
        Assert.True(Disabled(bar, "resign"));
    }
}
