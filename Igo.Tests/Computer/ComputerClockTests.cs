using Igo.Computer;
using Igo.Computer.Gtp;
using Igo.Computer.MonteCarlo;
using Igo.Computer.Players;
using Igo.Domain;
using Igo.Testing.Waiting;
using Igo.Tests.Components;
using Igo.Web.Computer;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Igo.Tests.Computer;

/// <summary>
/// Computer players in timed games: the budget each move gets from the clock (<see cref="ThinkingBudget"/>), the budget
/// reaching the brain, and a player still thinking near its flag acting in time instead of losing on time, on a fake clock.
/// </summary>
[Trait("Category", "Ai")]
public sealed class ComputerClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static TimeSpan S(double seconds) => TimeSpan.FromMilliseconds(Math.Round(seconds * 1000));

    [Fact]
    public void In_main_time_a_move_gets_its_share_of_what_is_left_over_the_moves_still_to_play()
    {
        var clock = Running(TimeControl.Absolute(TimeSpan.FromMinutes(5)), Color.Black);

        // 9x9 at move 2: about 0.7 * 81 = 56 moves in a game, (56 - 2) / 2 = 27 of them black's.
        Assert.Equal(27, ThinkingBudget.MovesLeft(9, 2));
        Assert.Equal((S(300) / 27) - S(1), ThinkingBudget.For(clock, Color.Black, Start, 9, 2));

        // Late in the game it still keeps time for ten more moves.
        Assert.Equal(ThinkingBudget.MinMovesLeft, ThinkingBudget.MovesLeft(9, 80));
        Assert.Equal(S(29), ThinkingBudget.For(clock, Color.Black, Start, 9, 80));

        // Time already spent on this turn is no longer there to share.
        Assert.Equal((S(240) / 27) - S(1), ThinkingBudget.For(clock, Color.Black, Start + S(60), 9, 2));
        Assert.Null(ThinkingBudget.For(ClockState.Untimed, Color.Black, Start, 9, 2));
    }

    [Fact]
    public void In_overtime_a_byo_yomi_move_gets_the_period_and_a_canadian_one_its_share_of_the_block_less_the_margin()
    {
        var byoYomi = Running(TimeControl.ByoYomi(TimeSpan.Zero, 3, S(30)), Color.Black);
        Assert.Equal(S(29), ThinkingBudget.For(byoYomi, Color.Black, Start, 19, 100)); // the period less 1 s, though 90 s are left
        Assert.Equal(S(19), ThinkingBudget.For(byoYomi, Color.Black, Start + S(10), 19, 100)); // 20 s left in the period
        var shortPeriod = Running(TimeControl.ByoYomi(TimeSpan.Zero, 1, S(1)), Color.Black);
        Assert.Equal(TimeSpan.FromMilliseconds(750), ThinkingBudget.For(shortPeriod, Color.Black, Start, 19, 100));

        var canadian = Running(TimeControl.Canadian(TimeSpan.Zero, 10, TimeSpan.FromMinutes(5)), Color.White);
        Assert.Equal((S(300) / 9) - S(1), ThinkingBudget.For(canadian, Color.White, Start, 19, 100)); // white's free first move was stone 1 of 10 in 5 min
    }

    [Fact]
    public void A_fischer_move_adds_most_of_its_increment_and_no_move_is_given_the_flag()
    {
        var fischer = Running(TimeControl.Fischer(TimeSpan.FromMinutes(1), S(10)), Color.Black);
        // The free first move earned its increment: 70 s left.
        Assert.Equal((S(70) / 27) + S(8) - S(1), ThinkingBudget.For(fischer, Color.Black, Start, 9, 2));

        // Two seconds to the flag: 1.5 s however much increment comes back; never less than the floor however little is left.
        Assert.Equal(S(1.5), ThinkingBudget.For(fischer, Color.Black, Start + S(68), 9, 2));
        Assert.Equal(ThinkingBudget.Floor, ThinkingBudget.For(fischer, Color.Black, Start + S(70) - TimeSpan.FromMilliseconds(1), 9, 2));
    }

    [Fact]
    public async Task A_computer_still_thinking_near_its_flag_passes_in_time_and_its_brain_was_given_the_budget()
    {
        var time = new FakeTimeProvider(Start);
        var control = TimeControl.Absolute(TimeSpan.FromMinutes(1));
        var view = ViewWithRunningClock(control, Color.White);
        var seat = new FakeGameSeat("WhiteKey01", Color.White, Snapshots.Of(view));
        var brain = new EndlessBrain();
        var player = new ComputerPlayer(seat, new ComputerPlayerPolicy(brain, Color.White, mayResign: false), TimeSpan.FromMinutes(1), time, NullLogger.Instance, _ => { });
        await using var stop = new PlayerStop(player);

        player.Start();
        var budget = await brain.Asked.Task.WaitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(ThinkingBudget.For(view.Clock, Color.White, Start, 9, view.MoveNumber), budget);
        var giveUpAt = S(60) - (ThinkingBudget.Margin(S(60)) / 2);
        time.Advance(giveUpAt - TimeSpan.FromMilliseconds(1));
        Assert.Empty(seat.Actions);

        time.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.HoldsAsync(() => seat.Actions.Count > 0, TestContext.Current.CancellationToken);
        Assert.Equal([(ActionType.Pass, (Point?)null)], seat.Actions);
    }

    [Fact]
    public async Task GNU_Go_is_told_the_moves_budget_and_plays_within_it_while_an_engine_without_a_clock_is_not_told()
    {
        GnuGo.SkipUnlessInstalled();
        await using var pool = new GtpEnginePool("gnugo", GnuGo.CommandLine, 1, GtpTimeouts.Default, NullLogger.Instance);
        await using (var lease = await pool.RentAsync(TestContext.Current.CancellationToken))
        {
            Assert.True(await lease.Engine.TimeForMoveAsync(Color.White, S(2), TestContext.Current.CancellationToken));
        }

        var brain = new GtpBrain("GNU Go", pool, 1, new MonteCarloBrain(new(100, null, 1, 3, 100)), NullLogger<GtpBrain>.Instance);
        var position = ComputerPosition.FromView(ViewWithRunningClock(TimeControl.ByoYomi(TimeSpan.Zero, 1, S(5)), Color.White)) with { ThinkingBudget = S(4) };
        var move = await brain.ChooseMoveAsync(position, new HashSet<Point>(), TestContext.Current.CancellationToken);
        Assert.True(move is null || position.IsLegal(move.Value));

        using var fake = new FakeGtpEngine();
        await using var fakePool = new GtpEnginePool("fake", new GtpCommandLine(fake.Path, []), 1, GtpTimeouts.Default, NullLogger.Instance);
        await using var fakeLease = await fakePool.RentAsync(TestContext.Current.CancellationToken);
        Assert.False(await fakeLease.Engine.TimeForMoveAsync(Color.White, S(2), TestContext.Current.CancellationToken));
    }

    /// <summary>A clock with <paramref name="player"/>'s running since <see cref="Start"/>, after both free first moves.</summary>
    private static ClockState Running(TimeControl control, Color player) => ViewWithRunningClock(control, player).Clock;

    private static GameView ViewWithRunningClock(TimeControl control, Color player)
    {
        var game = Game.Create(9, Ruleset.Japanese(), control);
        var at = Start - S(10);
        Assert.True(game.Apply(new GameAction(ActionType.PlaceStone, Color.Black, new Point(2, 2), at)).Accepted);
        var turnStart = player == Color.Black ? Start : at;
        Assert.True(game.Apply(new GameAction(ActionType.PlaceStone, Color.White, new Point(6, 6), turnStart)).Accepted);
        if (player == Color.White)
        {
            Assert.True(game.Apply(new GameAction(ActionType.PlaceStone, Color.Black, new Point(2, 6), Start, TimeSpan.FromSeconds(1))).Accepted);
        }

        Assert.Equal(new RunningClock(player, Start, TimeSpan.Zero), game.Clock.Running);
        return game.View();
    }

    /// <summary>A brain that thinks until it is stopped, and says what budget it was given.</summary>
    private sealed class EndlessBrain : IComputerBrain
    {
        public TaskCompletionSource<TimeSpan?> Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "Endless";

        public async Task<Point?> ChooseMoveAsync(ComputerPosition position, IReadOnlySet<Point> excluded, CancellationToken cancellationToken = default)
        {
            Asked.TrySetResult(position.ThinkingBudget);
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        }

        public Task<PositionJudgement> JudgeAsync(ComputerPosition position, CancellationToken cancellationToken = default) =>
            Task.FromResult(new PositionJudgement([], 0, Name));
    }

    private sealed class PlayerStop(ComputerPlayer player) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => player.DisposeAsync();
    }
}
