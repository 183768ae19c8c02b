using Bunit;
using Igo.Domain;
using Igo.Web.Circuits;
using Igo.Web.Components.Pages;
using Igo.Web.Games;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using static Igo.Tests.Components.BoardEvents;
using Color = Igo.Domain.Color;


namespace Igo.Tests.Components;

[Trait("Category", "Components")]
public sealed class GamePageTests : GamePageTestBase
{
    private const string Key = "BlackKey01";
    private static FakeGameSeat SeatWith(GameView view, Color color = Color.Black, bool whiteConnected = true, bool computer = false) =>
        new(Key, color, Snapshots.Of(view, whiteConnected: whiteConnected), computer);

    private (IRenderedComponent<IComponent> Providers, IRenderedComponent<GamePage> Page) Open(params SeatOutcome[] outcomes) => OpenGame(Key, outcomes);

    private static SeatOutcome Joined(IGameSeat seat) => SeatOutcome.Held(seat);

    [Fact]
    public void The_page_holds_the_key_as_this_circuit_and_shows_the_game()
    {
        var seat = SeatWith(TestViews.Empty(9));

        var (_, page) = Open(Joined(seat));

        page.WaitForAssertion(() => Assert.Equal(81, page.FindAll("[role=gridcell]").Count));
        var (key, holder) = Assert.Single(Coordinator.Joins);
        Assert.Equal(Key, key);
        Assert.Equal(ConnectionKind.Circuit, holder.Kind);
        Assert.Equal(Context.Services.GetRequiredService<CircuitIdentity>().Id, holder.ConnectionId);
        Assert.Equal(1, seat.ActiveSubscriptions);
        Assert.Contains("Your move.", page.Find("[data-status]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gnugo", "GNU Go", false)]
    [InlineData("katago", "Built-in, club", true)]
    public void A_computer_opponent_is_named_and_a_stand_in_says_so(string chosen, string playing, bool standsIn)
    {
        Computers.StandIn = "builtin-club";
        var seat = new FakeGameSeat(Key, Color.Black, Snapshots.Of(TestViews.Empty(9)), opponentIsComputer: true) { OpponentComputerId = chosen };

        var (_, page) = Open(Joined(seat));

        page.WaitForAssertion(() => Assert.Equal(playing, page.Find("[data-computer]").TextContent));
        Assert.Equal(standsIn, page.FindAll("[data-computer-stands-in]").Count == 1);
    }

    [Fact]
    public void Clicking_a_legal_point_plays_it_through_the_seat_and_an_illegal_one_does_not()
    {
        var view = TestViews.Picture(
        [
            ".O...",
            "O....",
            ".....",
            ".....",
            ".....",
        ], illegal: [new Point(0, 0)]);
        var seat = SeatWith(view);
        var (_, page) = Open(Joined(seat));
        page.WaitForAssertion(() => page.Find(Cell("C3")));

        page.ClickPoint("A5");
        page.ClickPoint("B5");
        page.ClickPoint("C3");

        Assert.Equal([(ActionType.PlaceStone, (Point?)new Point(2, 2))], seat.Actions);
    }

    [Fact]
    public void A_refused_action_shows_the_explanation()
    {
        var seat = SeatWith(TestViews.Empty(9));
        seat.Reply = (_, _) => ActionReply.Judged(new ActionRefusal.Ko(new Point(2, 2), KoRule.Simple));
        var (providers, page) = Open(Joined(seat));
        page.WaitForAssertion(() => page.Find(Cell("C7")));

        page.ClickPoint("C7");

        providers.WaitForAssertion(() => Assert.Contains("retake at once. Play elsewhere first.", providers.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pushed_move_appears_on_the_board_and_is_announced()
    {
        var start = TestViews.Picture(
        [
            ".XO..",
            "XO...",
            ".....",
            ".....",
            ".....",
        ], turn: Color.White);
        var seat = SeatWith(start);
        var (_, page) = Open(Joined(seat));
        page.WaitForAssertion(() => page.Find(Cell("A5")));

        var next = TestViews.Place(start, new Point(0, 0), Color.White, new PerColor<int>(0, 2), new Point(0, 1), new Point(1, 0));
        await seat.PushAsync(Snapshots.Of(next));

        page.WaitForAssertion(() => Assert.Equal("A5, white stone, last move", page.Find(Cell("A5")).GetAttribute("aria-label")));
        Assert.Equal("White A5, captures 2", page.Find("[data-live-region]").TextContent);
        Assert.Equal("B5, empty", page.Find(Cell("B5")).GetAttribute("aria-label"));
    }

    [Fact]
    public async Task An_older_snapshot_never_replaces_a_newer_one()
    {
        var start = TestViews.Empty(9);
        var newer = TestViews.Place(start, new Point(4, 4), Color.Black);
        var seat = SeatWith(newer);
        var (_, page) = Open(Joined(seat));
        page.WaitForAssertion(() => page.Find(Cell("E5")));

        await seat.PushAsync(Snapshots.Of(start));

        Assert.Equal("E5, black stone, last move", page.Find(Cell("E5")).GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Chat_loads_the_thread_shows_pushed_messages_and_sends_through_the_seat()
    {
        var seat = SeatWith(TestViews.Empty(9));
        seat.Thread.Add(new ChatMessage(1, Clock.GetUtcNow(), Color.White, "Hello"));
        var (_, page) = Open(Joined(seat));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("li.msg")));

        await seat.PushChatAsync(new ChatMessage(2, Clock.GetUtcNow(), Color.White, "Have fun"));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("li.msg").Count));
        Assert.Equal("1", page.Find("[data-unread]").GetAttribute("data-unread"));
        page.Find("#chat-input").Input("Thanks");
        page.Find("[data-action=send]").Click();

        Assert.Equal(["Thanks"], seat.Chats);
        Assert.Empty(page.FindAll("[data-unread]"));
    }

    [Fact]
    public async Task The_opponents_request_is_answered_in_a_dialog()
    {
        var seat = SeatWith(TestViews.Empty(9));
        var (providers, page) = Open(Joined(seat));
        page.WaitForAssertion(() => page.Find(Cell("E5")));

        var asked = TestViews.Empty(9, GameStatus.RequestPending) with { PendingRequest = new PendingRequest(RequestType.Draw, Color.White), Version = 2 };
        await seat.PushAsync(Snapshots.Of(asked));
        providers.WaitForAssertion(() => providers.Find("[data-answer=accept]"));
        providers.Find("[data-answer=accept]").Click();

        Assert.Equal([(ActionType.Accept, (Point?)null)], seat.Actions);
        Assert.Equal("White asks to end the game as a draw.", page.Find("[data-live-region]").TextContent);
    }

    [Fact]
    public void In_the_endgame_clicking_a_stone_marks_its_group_dead()
    {
        var view = TestViews.Picture(["..O..", ".....", ".....", ".....", "....."], status: GameStatus.Endgame);
        var seat = SeatWith(view);
        var (_, page) = Open(Joined(seat));
        page.WaitForAssertion(() => page.Find(Cell("C5")));

        page.ClickPoint("C5");

        Assert.Equal([(ActionType.MarkGroupDead, (Point?)new Point(0, 2))], seat.Actions);
    }

    [Fact]
    public async Task An_absent_opponent_is_shown_with_the_invite_and_their_return_is_announced()
    {
        var seat = SeatWith(TestViews.Empty(9) with { MoveNumber = 0 }, whiteConnected: false);
        var (_, page) = Open(Joined(seat));
        page.WaitForAssertion(() => page.Find("[data-opponent-away]"));

        Assert.Contains("White is not connected", page.Find("[data-opponent-away]").TextContent, StringComparison.Ordinal);
        Assert.EndsWith("/game/OpponentK1", page.Find("#invite-link").GetAttribute("value"), StringComparison.Ordinal);
        Assert.Equal("OpponentK1", page.Find("#opponent-key").GetAttribute("value"));

        await seat.PushPresenceAsync(Color.White, true);

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-opponent-away]")));
        Assert.Equal("White connected.", page.Find("[data-live-region]").TextContent);
    }

    [Fact]
    public void A_computer_opponent_gets_no_invite()
    {
        var seat = SeatWith(TestViews.Empty(9), whiteConnected: true, computer: true);
        var (_, page) = Open(Joined(seat));
        page.WaitForAssertion(() => page.Find("#own-key"));

        Assert.Empty(page.FindAll("#invite-link"));
        Assert.Equal(Key, page.Find("#own-key").GetAttribute("value"));
    }

    [Fact]
    public void A_key_held_by_another_app_is_explained_and_can_be_retried()
    {
        var seat = SeatWith(TestViews.Empty(9));
        var inUse = SeatOutcome.Refused(SeatFailure.InUse);

        var (_, page) = Open(inUse, inUse, inUse, Joined(seat));

        page.WaitForAssertion(() => page.Find("[data-join-failure]"));
        Assert.Equal(3, Coordinator.Joins.Count);
        Assert.Contains("open in another app", page.Find("[data-explanation]").TextContent, StringComparison.Ordinal);
        Assert.Contains("but not from another app", page.Markup, StringComparison.Ordinal);

        page.Find("[data-action=retry]").Click();

        page.WaitForAssertion(() => Assert.Equal(81, page.FindAll("[role=gridcell]").Count));
        Assert.Equal(4, Coordinator.Joins.Count);
    }

    [Fact]
    public void An_unknown_key_is_explained_without_a_retry()
    {
        var (_, page) = Open(SeatOutcome.Refused(SeatFailure.NotFound));

        page.WaitForAssertion(() => page.Find("[data-join-failure]"));
        Assert.Equal($"No game has the key {Key}. Check it and try again.", page.Find("[data-explanation]").TextContent);
        Assert.Empty(page.FindAll("[data-action=retry]"));
        Assert.Single(Coordinator.Joins);
    }

    [Fact]
    public async Task A_seat_handed_over_by_the_home_page_is_used_without_joining_again()
    {
        var seat = SeatWith(TestViews.Empty(9));
        await Context.Services.GetRequiredService<SeatHandOff>().OfferAsync(seat);

        var (_, page) = Open(SeatOutcome.Refused(SeatFailure.InUse));

        page.WaitForAssertion(() => Assert.Equal(81, page.FindAll("[role=gridcell]").Count));
        Assert.Empty(Coordinator.Joins);
    }

    [Fact]
    public void The_game_record_downloads_as_SGF_for_the_game_this_seat_holds()
    {
        var download = Context.JSInterop.SetupVoid("igo.download", _ => true);
        var seat = SeatWith(TestViews.Empty(9));
        var (_, page) = Open(Joined(seat));
        page.WaitForAssertion(() => page.Find("[data-action=download-sgf]"));

        page.Find("[data-action=download-sgf]").Click();

        Assert.Equal([seat.GameId], Records.Requested);
        var call = Assert.Single(download.Invocations);
        Assert.Equal(["igo-game.sgf", "application/x-go-sgf", "(;FF[4]GM[1]SZ[9])"], call.Arguments);
    }

    [Fact]
    public async Task Closing_the_page_unsubscribes_and_releases_the_key()
    {
        var seat = SeatWith(TestViews.Empty(9));
        var (_, page) = Open(Joined(seat));
        page.WaitForAssertion(() => page.Find(Cell("E5")));

        await Context.DisposeComponentsAsync();

        Assert.True(seat.Disposed);
        Assert.Equal(0, seat.ActiveSubscriptions);
    }

    [Fact]
    public void In_the_endgame_the_engine_suggests_dead_stones_on_the_board_and_one_click_proposes_a_chain()
    {
        var view = TestViews.Picture(
        [
            "..XO.",
            "..XO.",
            "O.XO.",
            "..XO.",
            "..XO.",
        ], status: GameStatus.Endgame, moveNumber: 12);
        Advisor.Judgement = new Igo.Computer.PositionJudgement([new(2, 0)], 3.5, "GNU Go");
        var seat = SeatWith(view, computer: true);
        var (_, page) = Open(Joined(seat));
        page.WaitForAssertion(() => page.Find("[data-action=suggest-dead]"));

        page.Find("[data-action=suggest-dead]").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find($"{Cell("A3")} .suggested-dead")));
        Assert.Contains("suggested dead", page.Find(Cell("A3")).GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Contains("Black leads by about 3.5", page.Find("[data-estimate]").TextContent, StringComparison.Ordinal);
        Assert.Empty(seat.Actions);

        page.Find("[data-action=propose-suggested]").Click();

        Assert.Equal([(ActionType.MarkGroupDead, (Point?)new Point(2, 0))], seat.Actions);
    }

    [Fact]
    public void Until_the_opponent_first_comes_the_invite_leads_the_side_even_after_the_first_move()
    {
        var seat = SeatWith(TestViews.Place(TestViews.Empty(9), new Point(4, 4), Color.Black), whiteConnected: false);
        var (_, page) = Open(Joined(seat));
        page.WaitForAssertion(() => page.Find("[data-opponent-away]"));

        var away = page.Find("[data-opponent-away]").TextContent;
        Assert.Contains("They have not opened the game yet: send them the invite link.", away, StringComparison.Ordinal);
        Assert.DoesNotContain("come back", away, StringComparison.Ordinal);
        var panels = page.FindAll(".side-column > .panel");
        Assert.Equal("Invite your opponent", panels[0].QuerySelector("h2")?.TextContent);
    }

    [Fact]
    public void An_opponent_who_came_and_left_can_come_back_and_the_invite_moves_down()
    {
        var snapshot = Snapshots.Of(TestViews.Empty(9), whiteConnected: false) with
        {
            AwaySince = new PerColor<DateTimeOffset?>(null, DateTimeOffset.UnixEpoch),
        };
        var (_, page) = Open(Joined(new FakeGameSeat(Key, Color.Black, snapshot)));
        page.WaitForAssertion(() => page.Find("[data-opponent-away]"));

        Assert.Contains("They can come back with their link", page.Find("[data-opponent-away]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Links to this game", page.Find("#invite-title").TextContent);
        Assert.NotEqual("Links to this game", page.FindAll(".side-column > .panel")[0].QuerySelector("h2")?.TextContent);
    }

    [Fact]
    public void A_refused_point_is_explained_beside_the_board_and_in_the_live_region_until_the_game_moves_on()
    {
        var game = PlayedViews.Play(9, PlayedViews.KoAtE5);
        var seat = SeatWith(game.View());
        var (_, page) = Open(Joined(seat));
        page.WaitForAssertion(() => page.Find(Cell("E5")));

        page.ClickPoint("E5");

        page.WaitForAssertion(() => Assert.Equal("Ko: you can't retake at once. Play elsewhere first.", page.Find("[data-board-refusal]").TextContent));
        Assert.Equal("Ko: you can't retake at once. Play elsewhere first.", page.Find("[data-live-region]").TextContent);
        Assert.Empty(seat.Actions);

        page.ClickPoint("A1");
        page.WaitForAssertion(() => Assert.Equal("Suicide: that stone would have no liberties.", page.Find("[data-board-refusal]").TextContent));
    }

    [Fact]
    public async Task The_refusal_goes_once_the_game_moves_on()
    {
        var game = PlayedViews.Play(9, PlayedViews.KoAtE5);
        var seat = SeatWith(game.View());
        var (_, page) = Open(Joined(seat));
        page.WaitForAssertion(() => page.Find(Cell("D5")));
        page.ClickPoint("D5");
        page.WaitForAssertion(() => page.Find("[data-board-refusal]"));

        await seat.PushAsync(Snapshots.Of(PlayedViews.Then(game, ActionType.PlaceStone, Color.Black, Point.FromLabel("H2", 9))));

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-board-refusal]")));
        Assert.Equal("Black H2", page.Find("[data-live-region]").TextContent);
    }
}
