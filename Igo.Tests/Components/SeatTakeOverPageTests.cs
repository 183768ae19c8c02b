using Bunit;
using Igo.Domain;
using Igo.Web.Circuits;
using Igo.Web.Components.Play;
using Igo.Web.Games;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection;
using Color = Igo.Domain.Color;

namespace Igo.Tests.Components;

/// <summary>
/// The game page when the player's other tab or device takes the seat (docs/decisions/0011-seat-take-over.md): it
/// opens by taking over, says at once that it lost the seat, sends nothing more, and "Take it back here" takes it over
/// in reverse; a circuit that comes back after a dropped connection only joins.
/// </summary>
[Trait("Category", "Components")]
public sealed class SeatTakeOverPageTests : GamePageTestBase
{
    private const string Key = "BlackKey01";

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    private CircuitSeat Seat => Context.Services.GetRequiredService<CircuitSeat>();

    private static FakeGameSeat NewSeat() => new(Key, Color.Black, Snapshots.Of(TestViews.Empty(9)));

    [Fact]
    public void The_panel_says_the_game_is_open_elsewhere_and_its_button_takes_the_seat_back()
    {
        var taken = 0;
        var panel = Context.Render<SeatTakenOverPanel>(p => p.Add(x => x.OnTakeBack, () => taken++));

        Assert.Equal("This game is now open in another tab or device", panel.Find("h6").TextContent);
        Assert.Contains("nothing you do here counts", panel.Markup, StringComparison.Ordinal);
        Assert.Equal("/", panel.Find("a[href='/']").GetAttribute("href"));

        panel.Find("[data-action=take-back]").Click();

        Assert.Equal(1, taken);
        Assert.Equal("Take it back here", panel.Find("[data-action=take-back]").TextContent.Trim());
    }

    [Fact]
    public void A_page_whose_seat_is_taken_over_shows_the_panel_sends_nothing_and_takes_it_back_on_request()
    {
        var first = NewSeat();
        var second = NewSeat();
        var (_, page) = OpenGame(Key, SeatOutcome.Held(first), SeatOutcome.Held(second));
        page.WaitForAssertion(() => Assert.Equal(81, page.FindAll("[role=gridcell]").Count));
        Assert.Equal([Key], Coordinator.TakeOvers);

        first.LoseToTakeOver();

        page.WaitForAssertion(() => page.Find("[data-taken-over]"));
        Assert.Empty(page.FindAll("[role=gridcell]"));
        page.WaitForAssertion(() => Assert.True(first.Disposed));
        Assert.Equal(0, first.ActiveSubscriptions);
        Assert.Null(Seat.State.Seat);

        // A re-render of the same page must not take the seat back on its own.
        page.Render();
        Assert.Single(Coordinator.Joins);

        page.Find("[data-action=take-back]").Click();

        page.WaitForAssertion(() => Assert.Equal(81, page.FindAll("[role=gridcell]").Count));
        Assert.Equal([Key, Key], Coordinator.TakeOvers);
        Assert.Same(second, Seat.State.Seat);
        Assert.Empty(first.Actions);
    }

    [Fact]
    public async Task A_circuit_that_reconnects_after_its_seat_was_taken_meanwhile_joins_without_taking_over_and_shows_the_panel()
    {
        var inUse = SeatOutcome.Refused(SeatFailure.InUse);
        AnswerJoins(SeatOutcome.Held(NewSeat()), inUse);
        await Seat.OpenAsync(Key);
        var presence = Context.Services.GetServices<CircuitHandler>().OfType<SeatPresence>().Single();

        await presence.OnConnectionDownAsync(null!, CancellationToken.None);
        await presence.OnConnectionUpAsync(null!, CancellationToken.None);

        Assert.True(Seat.State.TakenOver);
        Assert.Equal([Key], Coordinator.TakeOvers);
        Assert.True(Coordinator.Joins.Count > 1);

        // A lost connection now leaves the panel as it is: nothing to give back, nothing to take on return.
        var joins = Coordinator.Joins.Count;
        await presence.OnConnectionDownAsync(null!, CancellationToken.None);
        await presence.OnConnectionUpAsync(null!, CancellationToken.None);
        Assert.True(Seat.State.TakenOver);
        Assert.Equal(joins, Coordinator.Joins.Count);
    }

    [Fact]
    public async Task On_the_in_memory_coordinator_the_page_takes_the_seat_from_another_tab_which_can_no_longer_act()
    {
        var created = await Coordinator.CreateGameAsync(new NewGameRequest(9, Ruleset.Japanese(), Color.Black, OpponentKind.Human), new SeatHolder(ConnectionKind.Circuit, "other-tab"), Cancel);
        var other = created.Seat!;

        await Seat.OpenAsync(other.Key);

        Assert.NotNull(Seat.State.Seat);
        Assert.True(other.TakenOver.IsCompleted);
        Assert.Equal(ActionFailure.SeatReleased, (await other.ActAsync(ActionType.PlaceStone, new Point(2, 2), Cancel)).Failure);
        await other.DisposeAsync();
        Assert.Equal(Context.Services.GetRequiredService<CircuitIdentity>().Holder, Coordinator.HolderOf(other.Key));

        await Seat.ActAsync(ActionType.PlaceStone, new Point(3, 3));
        Assert.Equal(Stone.Black, Coordinator.ViewOf(other.Key)[new Point(3, 3)].Stone);
    }
}
