using Igo.Domain;
using static Igo.Domain.ActionType;
using static Igo.Domain.Color;
using static Igo.Tests.Domain.ClockScript;

namespace Igo.Tests.Domain;

/// <summary>
/// The clocks through the game (docs/TIME-CONTROLS.md, "Through the game"): first moves free, the clock of the player
/// the game waits on, charges from the actions' thinking times, late moves, the server's timeout, claims, and the view.
/// </summary>
[Trait("Category", "Domain")]
public sealed class TimedGameTests
{
    private static readonly TimeControl OneMinute = TimeControl.Absolute(Min(1));

    [Fact]
    public void An_untimed_game_runs_no_clock_and_refuses_a_thinking_time()
    {
        var table = TimedTable.Create(TimeControl.None);
        table.OpeningMoves(S(5));

        Assert.Equal(ClockState.Untimed.Control, table.Game.View().Clock.Control);
        Assert.Null(table.Clock.Running);
        Assert.Null(table.Clock.Deadline);
        Assert.Equal(
            new ActionRefusal.ThinkingTime(Black, S(1)),
            table.Game.Apply(new GameAction(PlaceStone, Black, new Point(4, 4), table.Now, S(1))));
        Assert.Equal(new ActionRefusal.FlagStanding(Black), table.Act(Min(600), ActionType.Timeout, Black));
    }

    [Fact]
    public void Each_players_first_move_is_free_and_the_clocks_start_once_both_have_moved()
    {
        var table = TimedTable.Create(OneMinute);

        table.Move(Min(5));
        Assert.Null(table.Clock.Running);
        table.Move(Min(5));

        Assert.Equal(new RunningClock(Black, table.Now, TimeSpan.Zero), table.Clock.Running);
        Assert.Equal(table.Now + Min(1), table.Clock.Deadline);
        Assert.Equal(new PerColor<TimeSpan>(Min(1), Min(1)), MainLeft(table.Clock));
    }

    [Fact]
    public void A_move_is_charged_its_thinking_time_and_starts_the_opponents_clock()
    {
        var table = TimedTable.Create(OneMinute);
        table.OpeningMoves(S(1));

        table.Move(S(12.5));

        Assert.Equal(new PerColor<TimeSpan>(S(47.5), Min(1)), MainLeft(table.Clock));
        Assert.Equal(new RunningClock(White, table.Now, TimeSpan.Zero), table.Clock.Running);
        Assert.Equal(table.Now + Min(1), table.Clock.Deadline);
        Assert.Equal(S(12.5), table.Game.Actions[^1].Thinking);
    }

    [Fact]
    public void The_player_whose_clock_runs_must_give_a_thinking_time_in_whole_milliseconds_and_nobody_else_may()
    {
        var table = TimedTable.Create(OneMinute);
        table.OpeningMoves(S(1));
        var at = table.Now + S(3);

        Assert.Equal(new ActionRefusal.ThinkingTime(Black, null), table.Game.Apply(new GameAction(PlaceStone, Black, new Point(4, 4), at)));
        Assert.Equal(new ActionRefusal.ThinkingTime(Black, S(-1)), table.Game.Apply(new GameAction(PlaceStone, Black, new Point(4, 4), at, S(-1))));
        Assert.Equal(
            new ActionRefusal.ThinkingTime(Black, TimeSpan.FromTicks(1)),
            table.Game.Apply(new GameAction(PlaceStone, Black, new Point(4, 4), at, TimeSpan.FromTicks(1))));
        Assert.Equal(new ActionRefusal.ThinkingTime(White, S(3)), table.Game.Apply(new GameAction(RequestUndo, White, null, at, S(3))));
        Assert.Equal(2, table.Game.Version);
    }

    [Fact]
    public void A_move_that_takes_all_the_time_left_is_refused_as_lost_on_time_and_changes_nothing()
    {
        var table = TimedTable.Create(OneMinute);
        table.OpeningMoves(S(1));
        var clock = table.Clock;
        var view = table.Game.View();

        Assert.Equal(new ActionRefusal.FlagFell(Black), table.Act(Min(1), PlaceStone, Black, new Point(4, 4)));
        Assert.Equal(new ActionRefusal.FlagFell(Black), table.Act(S(10), Resign, Black));

        Assert.Equal(clock, table.Clock);
        Assert.Same(view, table.Game.View());
    }

    [Fact]
    public void A_move_a_millisecond_before_the_flag_is_in_time()
    {
        var table = TimedTable.Create(OneMinute);
        table.OpeningMoves(S(1));

        table.Move(Min(1) - Ms(1));

        Assert.Equal(Ms(1), table.Clock.Clock.Black.MainLeft);
    }

    [Fact]
    public void The_server_times_out_a_player_only_once_their_flag_has_fallen()
    {
        var table = TimedTable.Create(OneMinute);
        table.OpeningMoves(S(1));
        table.Move(S(20));
        var deadline = table.Clock.Deadline!.Value;

        Assert.Equal(new ActionRefusal.FlagStanding(White), table.Act(Min(1) - Ms(1), ActionType.Timeout, White));
        Assert.Equal(new ActionRefusal.FlagStanding(Black), table.Act(Ms(1), ActionType.Timeout, Black));
        Assert.Equal(new ActionOutcome.TimedOut(White), table.Act(TimeSpan.Zero, ActionType.Timeout, White));

        Assert.Equal(deadline, table.Now);
        Assert.Equal(new GameResult(ResultType.Time, Black), table.Game.Result);
        Assert.Equal(GameStatus.Complete, table.Game.Status);
        Assert.Equal(White, table.Clock.Clock.FlagFell);
        Assert.True(table.Clock.Read(White, table.Now).FlagFell);
        Assert.Null(table.Clock.Running);
        Assert.Null(table.Clock.Deadline);
        Assert.Equal(new ActionRefusal.GameComplete(), table.Act(S(1), PlaceStone, White, new Point(5, 5)));
    }

    [Fact]
    public void A_timeout_carries_no_thinking_time()
    {
        var table = TimedTable.Create(OneMinute);
        table.OpeningMoves(S(1));

        var outcome = table.Game.Apply(new GameAction(ActionType.Timeout, Black, null, table.Now + Min(2), Min(2)));

        Assert.Equal(new ActionRefusal.ThinkingTime(Black, Min(2)), outcome);
    }

    [Fact]
    public void The_view_reads_the_running_clock_at_any_moment()
    {
        var table = TimedTable.Create(TimeControl.ByoYomi(S(30), 3, S(10)));
        table.OpeningMoves(S(1));
        var view = table.Game.View();

        var reading = view.Clock.Read(Black, table.Now + S(45));

        Assert.Equal(new ClockReading(TimeSpan.Zero, S(5), 2, 0, InOvertime: true, SuddenDeath: false, S(15)), reading);
        Assert.Equal(table.Now + S(60), view.Clock.Deadline);
        Assert.Equal(S(60), view.Clock.Read(White, table.Now + S(45)).TimeToFlag);
    }

    [Fact]
    public void Byo_yomi_through_the_game_keeps_a_period_for_each_move_inside_it_and_falls_after_the_last()
    {
        var table = TimedTable.Create(TimeControl.ByoYomi(S(10), 2, S(5)));
        table.OpeningMoves(S(1));

        table.Move(S(12)); // 10 s of main time, 2 s into the first period
        table.Move(S(1));
        Assert.Equal(new PlayerClock(TimeSpan.Zero, 2, 0, TimeSpan.Zero), table.Clock.Clock.Black);
        Assert.Equal(table.Now + S(10), table.Clock.Deadline);

        table.Move(S(6)); // the first period ran out: one left
        table.Move(S(1));
        Assert.Equal(1, table.Clock.Clock.Black.PeriodsLeft);

        Assert.Equal(new ActionRefusal.FlagFell(Black), table.Act(S(5), Pass, Black));
        Assert.Equal(new ActionOutcome.TimedOut(Black), table.Act(TimeSpan.Zero, ActionType.Timeout, Black));
        Assert.Equal(new GameResult(ResultType.Time, White), table.Game.Result);
    }

    [Fact]
    public void Canadian_through_the_game_counts_every_move_as_a_stone_the_free_first_one_too()
    {
        var table = TimedTable.Create(TimeControl.Canadian(TimeSpan.Zero, 3, S(30)));

        table.OpeningMoves(S(100));
        Assert.Equal(new PlayerClock(TimeSpan.Zero, 0, 2, S(30)), table.Clock.Clock.Black);

        table.Move(S(10));
        table.Move(S(1));
        Assert.Equal(new PlayerClock(TimeSpan.Zero, 0, 1, S(20)), table.Clock.Clock.Black);
        table.Move(S(19)); // the block's last stone: a fresh block
        Assert.Equal(new PlayerClock(TimeSpan.Zero, 0, 3, S(30)), table.Clock.Clock.Black);
    }

    [Fact]
    public void Fischer_through_the_game_adds_the_increment_after_every_move_up_to_the_cap()
    {
        var table = TimedTable.Create(TimeControl.Fischer(S(20), S(5), S(30)));

        table.OpeningMoves(S(100));
        Assert.Equal(new PerColor<TimeSpan>(S(25), S(25)), MainLeft(table.Clock));

        table.Move(S(2));
        Assert.Equal(S(28), table.Clock.Clock.Black.MainLeft);
        table.Move(S(1));
        table.Move(S(1));
        Assert.Equal(S(30), table.Clock.Clock.Black.MainLeft);
    }

    [Fact]
    public void A_draw_offer_stops_the_offerers_clock_and_runs_the_answerers_until_they_answer()
    {
        var table = TimedTable.Create(TimeControl.Fischer(Min(1), S(5)));
        table.OpeningMoves(S(1)); // 65 s each
        table.MustAct(S(10), RequestDraw, Black);

        Assert.Equal(new PausedTurn(Black, S(10)), table.Clock.Paused);
        Assert.Equal(new RunningClock(White, table.Now, TimeSpan.Zero), table.Clock.Running);
        Assert.Equal(S(55), table.Clock.Read(Black, table.Now + Min(5)).TimeToFlag);

        table.MustAct(S(4), Reject, White);

        // The answer cost white 4 s and earned no increment; black's turn goes on with 10 s already used.
        Assert.Equal(new PerColor<TimeSpan>(S(65), S(61)), MainLeft(table.Clock));
        Assert.Equal(new RunningClock(Black, table.Now, S(10)), table.Clock.Running);
        Assert.Equal(table.Now + S(55), table.Clock.Deadline);
        Assert.Null(table.Clock.Paused);

        table.Move(S(5));
        Assert.Equal(S(55), table.Clock.Clock.Black.MainLeft); // 65 - 15 + 5
    }

    [Fact]
    public void An_offer_left_unanswered_loses_on_time_for_the_one_who_must_answer()
    {
        var table = TimedTable.Create(OneMinute);
        table.OpeningMoves(S(1));
        table.MustAct(S(10), RequestDraw, Black);

        Assert.Equal(new ActionOutcome.TimedOut(White), table.Act(Min(1), ActionType.Timeout, White));
        Assert.Equal(new GameResult(ResultType.Time, Black), table.Game.Result);
    }

    [Fact]
    public void An_undo_asked_while_the_opponent_thinks_leaves_their_clock_running()
    {
        var table = TimedTable.Create(OneMinute);
        table.OpeningMoves(S(1));
        table.Move(S(5)); // white to move
        var deadline = table.Clock.Deadline;

        table.MustAct(S(3), RequestUndo, Black);
        Assert.Equal(deadline, table.Clock.Deadline);
        table.MustAct(S(4), Reject, White);

        Assert.Equal(deadline, table.Clock.Deadline);
        Assert.Equal(new RunningClock(White, table.Now, S(7)), table.Clock.Running);
        table.Move(S(2));
        Assert.Equal(S(51), table.Clock.Clock.White.MainLeft);
    }

    [Fact]
    public void An_accepted_undo_charges_the_answerer_and_gives_the_requester_a_fresh_turn()
    {
        var table = TimedTable.Create(OneMinute);
        table.OpeningMoves(S(1));
        table.Move(S(5)); // black has 55 s; white to move

        table.MustAct(S(3), RequestUndo, Black);
        table.MustAct(S(4), Accept, White);

        Assert.Equal(new PerColor<TimeSpan>(S(55), S(53)), MainLeft(table.Clock));
        Assert.Equal(new RunningClock(Black, table.Now, TimeSpan.Zero), table.Clock.Running);
    }

    [Fact]
    public void The_clocks_stop_in_the_endgame_and_a_rejected_marking_starts_a_fresh_turn()
    {
        var table = TimedTable.Create(OneMinute);
        table.OpeningMoves(S(1));
        table.MustAct(S(2), Pass, Black);
        table.MustAct(S(3), Pass, White);

        Assert.Equal(GameStatus.Endgame, table.Game.Status);
        Assert.Null(table.Clock.Running);
        Assert.Null(table.Clock.Deadline);
        table.MustAct(Min(10), MarkDead, Black, new Point(0, 0));
        table.MustAct(Min(10), Reject, White);

        Assert.Equal(new PerColor<TimeSpan>(S(58), S(57)), MainLeft(table.Clock));
        Assert.Equal(new RunningClock(table.Game.Turn, table.Now, TimeSpan.Zero), table.Clock.Running);
    }

    [Fact]
    public void A_player_may_claim_a_game_as_a_forfeit_in_any_status_before_it_ends()
    {
        var untimed = TimedTable.Create(TimeControl.None);
        Assert.Equal(new ActionOutcome.WonByForfeit(White), untimed.Act(Min(10), ClaimWin, White));
        Assert.Equal(new GameResult(ResultType.Forfeit, White), untimed.Game.Result);

        var timed = TimedTable.Create(OneMinute);
        timed.OpeningMoves(S(1));
        timed.MustAct(S(1), Pass, Black);
        timed.MustAct(S(1), Pass, White);
        Assert.Equal(new ActionOutcome.WonByForfeit(Black), timed.Act(Min(10), ClaimWin, Black));
        Assert.Equal(new ActionRefusal.GameComplete(), timed.Act(S(1), ClaimWin, White));
    }

    [Fact]
    public void A_claim_by_the_player_whose_flag_fell_is_lost_on_time()
    {
        var table = TimedTable.Create(OneMinute);
        table.OpeningMoves(S(1));

        Assert.Equal(new ActionRefusal.FlagFell(Black), table.Act(Min(2), ClaimWin, Black));
        Assert.True(table.Act(S(1), ClaimWin, White).Accepted);
    }

    [Fact]
    public void Replaying_the_log_rebuilds_every_clock_and_the_running_one()
    {
        var table = TimedTable.Create(TimeControl.Canadian(S(20), 2, S(10)));
        table.OpeningMoves(S(3));
        table.Move(S(15));
        table.MustAct(S(2), RequestDraw, White);
        table.MustAct(S(1), Reject, Black);
        table.Move(S(8));
        table.Move(S(9));

        var replayed = Game.Replay(9, Ruleset.Japanese(), table.Game.TimeControl, table.Game.Actions);

        Assert.Equal(table.Clock, replayed.Clock);
        Assert.Equal(table.Game.View().Clock, replayed.View().Clock);
    }

    [Fact]
    public void A_game_cannot_be_created_with_an_invalid_time_control()
    {
        Assert.Throws<ArgumentException>(() => Game.Create(9, Ruleset.Japanese(), TimeControl.Absolute(TimeSpan.Zero)));
    }

    private static PerColor<TimeSpan> MainLeft(ClockState clock) => new(clock.Clock.Black.MainLeft, clock.Clock.White.MainLeft);
}
