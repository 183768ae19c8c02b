using Bunit;
using Igo.Domain;
using Igo.Web.Components.Play;
using MudBlazor;
using Color = Igo.Domain.Color;

namespace Igo.Tests.Components;

[Trait("Category", "Components")]
public sealed class RequestDialogTests : ComponentTestBase
{
    private readonly List<bool> answers = [];

    private (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<RequestDialog> Dialog) RenderDialog(GameView view, Color player)
    {
        var dialogs = Context.Render<MudDialogProvider>();
        var dialog = Context.Render<RequestDialog>(p => p
            .Add(d => d.View, view)
            .Add(d => d.Player, player)
            .Add(d => d.OnAnswer, accepted => answers.Add(accepted)));
        return (dialogs, dialog);
    }

    private static GameView Asking(RequestType type, Color initiator) =>
        TestViews.Empty(9, GameStatus.RequestPending) with { PendingRequest = new PendingRequest(type, initiator) };

    [Fact]
    public void The_opponents_draw_request_is_shown_and_accepted()
    {
        var (dialogs, _) = RenderDialog(Asking(RequestType.Draw, Color.White), Color.Black);

        dialogs.WaitForAssertion(() => Assert.Contains("White asks to end the game as a draw", dialogs.Markup, StringComparison.Ordinal));
        dialogs.Find("[data-answer=accept]").Click();

        Assert.Equal([true], answers);
    }

    [Fact]
    public void An_undo_request_names_the_move_it_would_take_back()
    {
        var game = PlayedViews.Play(9, "C3 D4 E5");
        var before = game.View();
        var view = PlayedViews.Then(game, ActionType.RequestUndo, Color.Black);

        var (dialogs, _) = RenderDialog(view, Color.White);

        dialogs.WaitForAssertion(() => Assert.Contains("Black asks to take back their move at E5", dialogs.Markup, StringComparison.Ordinal));
        Assert.Equal("If you accept, their move at E5 is taken back (with any reply to it), and they play again.", dialogs.Find("[data-request-consequence]").TextContent);
        Assert.Equal("Black asks to take back their move at E5.", MoveAnnouncer.Announce(before, view));
    }

    [Fact]
    public void The_scoring_phases_requests_open_no_dialog()
    {
        var view = TestViews.Picture(["xx...", ".....", ".....", ".....", "....."],
            status: GameStatus.RequestPending, request: new PendingRequest(RequestType.MarkDead, Color.White));

        var (dialogs, _) = RenderDialog(view, Color.Black);
        var (counting, _) = RenderDialog(Asking(RequestType.TallyScore, Color.White), Color.Black);

        Assert.Empty(dialogs.FindAll("[data-answer]"));
        Assert.Empty(counting.FindAll("[data-answer]"));
    }

    [Fact]
    public void Your_own_request_opens_no_dialog()
    {
        var (dialogs, _) = RenderDialog(Asking(RequestType.TallyScore, Color.Black), Color.Black);

        Assert.Empty(dialogs.FindAll("[data-answer]"));
    }

    [Fact]
    public void The_dialog_closes_when_the_request_is_answered()
    {
        var (dialogs, dialog) = RenderDialog(Asking(RequestType.Undo, Color.White), Color.Black);
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[data-answer=accept]")));

        dialog.Render(p => p.Add(d => d.View, TestViews.Empty(9)));

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-answer]")));
    }
}
