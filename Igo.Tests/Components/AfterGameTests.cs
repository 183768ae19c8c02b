using Bunit;
using Igo.Domain;
using Igo.Tests.Domain;
using Igo.Web.Games;
using Color = Igo.Domain.Color;

namespace Igo.Tests.Components;

/// <summary>
/// The game page once the game is over: a clear way on (a new game, the record), no game actions left, and a computer
/// opponent still named by its engine although it has stopped.
/// </summary>
[Trait("Category", "Components")]
public sealed class AfterGameTests : GamePageTestBase
{
    private const string Key = "BlackKey01";

    private static GameView Finished()
    {
        var game = Game.Create(9, Ruleset.Japanese());
        game.Place(Color.Black, 2, 2);
        game.MustDo(ActionType.Resign, Color.White);
        return game.View();
    }

    [Fact]
    public void A_finished_game_offers_a_new_game_and_the_record_naming_the_computer_and_no_game_actions()
    {
        var download = Context.JSInterop.SetupVoid("igo.download", _ => true);
        var seat = new FakeGameSeat(Key, Color.Black, Snapshots.Of(Finished(), whiteConnected: false), opponentIsComputer: true) { OpponentComputerId = "gnugo" };
        var (_, page) = OpenGame(Key, SeatOutcome.Held(seat));
        page.WaitForAssertion(() => page.Find("[data-after-game]"));

        var panel = page.Find("[data-after-game]");
        Assert.Equal("/", panel.QuerySelector("[data-action=new-game]")!.GetAttribute("href"));
        Assert.Contains("New game", panel.TextContent, StringComparison.Ordinal);
        // Every button offered works, and the rematch has its place in the panel.
        Assert.All(panel.QuerySelectorAll("button"), button => Assert.False(button.HasAttribute("disabled")));
        Assert.NotNull(panel.QuerySelector("[data-rematch-panel]"));
        Assert.Empty(page.FindAll("[data-action=pass], [data-action=resign]"));
        Assert.Single(page.FindAll("[data-action=download-sgf]"));

        // The computer has stopped with the game: its card names it, and does not say it never started.
        Assert.Equal("GNU Go", page.Find("[data-computer]").TextContent);
        Assert.DoesNotContain("not started", page.Markup, StringComparison.Ordinal);

        panel.QuerySelector("[data-action=download-sgf]")!.Click();
        Assert.Equal([((string?)null, (string?)"GNU Go")], Records.Names);
        Assert.Single(download.Invocations);
    }

    [Fact]
    public void A_game_in_play_has_its_actions_and_no_after_game_panel()
    {
        var seat = new FakeGameSeat(Key, Color.Black, Snapshots.Of(TestViews.Empty(9)));
        var (_, page) = OpenGame(Key, SeatOutcome.Held(seat));
        page.WaitForAssertion(() => page.Find("[data-action=pass]"));

        Assert.Empty(page.FindAll("[data-after-game]"));
        Assert.Single(page.FindAll("[data-action=download-sgf]"));
    }
}
