using Igo.Data.Stores;
using Igo.Domain;
using Igo.Testing.Waiting;
using Igo.Tests.Data;
using Igo.Web.Games;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Igo.Tests.Games;

/// <summary>
/// Timed games through the coordinator on two instances sharing one store and one <see cref="FakeTimeProvider"/>: the
/// thinking time charged (receipt minus turn start minus the lag allowance), a move after the flag lost on time
/// without the sweep, the sweep timing out a game nobody here holds, exactly once across instances, and claims of a
/// game the opponent abandoned, judged on the store's presence against the grace period.
/// </summary>
public abstract class CoordinatorClockTests<TStore>(TStore store) : IAsyncLifetime
    where TStore : IStoreFixture
{
    private static readonly TimeSpan Allowance = new ClockOptions().LagAllowance;
    private static readonly TimeControl OneMinute = TimeControl.Absolute(TimeSpan.FromMinutes(1));
    private readonly FakeTimeProvider time = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private int connections;

    private TestHost A { get; set; } = null!;

    private TestHost B { get; set; } = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Nothing here is about instances dying: a test host's 1.5 s lease can run out under a loaded machine's stall, and
    // then the other instance releases this one's keys.
    private static Dictionary<string, string?> LongLease => new() { ["Igo:Presence:Lease"] = "00:00:30", ["Igo:Presence:Heartbeat"] = "00:00:01" };

    public async ValueTask InitializeAsync()
    {
        A = await store.StartInstanceAsync(OnFakeTime, LongLease);
        B = await store.StartInstanceAsync(OnFakeTime, LongLease);
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_move_is_charged_from_its_turn_start_to_its_receipt_less_the_lag_allowance()
    {
        var (black, white) = await OpeningAsync(OneMinute);

        time.Advance(TimeSpan.FromMilliseconds(10_250));
        await MustActAsync(black, new Point(4, 4));

        var stored = await A.Get<GameStore>().LoadGameAsync(black.GameId, Cancel);
        Assert.Equal(TimeSpan.FromMilliseconds(10_250) - Allowance, stored!.Actions[^1].Thinking);
        Assert.Equal(TimeSpan.FromMinutes(1) - TimeSpan.FromMilliseconds(10_250) + Allowance, black.Snapshot.View.Clock.Clock.Black.MainLeft);
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromMinutes(1), stored.Game.Deadline);
        var seen = new RecordingObserver();
        using var subscription = white.Subscribe(seen);
        await seen.WaitUntilSeenAsync(_ => white.Snapshot.View.Version == 3);
        Assert.Equal(black.Snapshot.View.Clock, white.Snapshot.View.Clock);
        await EndAsync(white);
    }

    [Fact]
    public async Task A_move_inside_the_lag_allowance_after_the_deadline_is_in_time_and_one_beyond_it_loses_on_time()
    {
        var (black, white) = await OpeningAsync(OneMinute);

        time.Advance(TimeSpan.FromMinutes(1) + Allowance - TimeSpan.FromMilliseconds(1));
        await MustActAsync(black, new Point(4, 4));
        Assert.Equal(TimeSpan.FromMilliseconds(1), black.Snapshot.View.Clock.Clock.Black.MainLeft);

        time.Advance(TimeSpan.FromMinutes(1) + Allowance);
        var late = await white.ActAsync(ActionType.PlaceStone, new Point(5, 5), Cancel);

        Assert.Equal(ActionReply.Judged(new ActionRefusal.FlagFell(Color.White)), late);
        await AssertLostOnTimeAsync(black.GameId, Color.White);
        Assert.Equal(new GameResult(ResultType.Time, Color.Black), white.Snapshot.View.Result);
    }

    [Fact]
    public async Task Any_action_after_a_flag_fell_ends_the_game_on_time_first()
    {
        var (black, white) = await OpeningAsync(OneMinute);

        time.Advance(TimeSpan.FromMinutes(2));
        var answer = await white.ActAsync(ActionType.RequestUndo, null, Cancel);

        Assert.Equal(ActionReply.Judged(new ActionRefusal.FlagFell(Color.Black)), answer);
        await AssertLostOnTimeAsync(black.GameId, Color.Black);
    }

    [Fact]
    public async Task The_sweep_times_out_a_game_both_players_left_on_an_instance_that_never_held_it_and_only_once()
    {
        var (black, white) = await OpeningAsync(TimeControl.ByoYomi(TimeSpan.FromSeconds(30), 2, TimeSpan.FromSeconds(10)));
        var gameId = black.GameId;
        await black.DisposeAsync();
        await white.DisposeAsync();

        time.Advance(TimeSpan.FromSeconds(50) + Allowance - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, await SweepAsync(B));

        time.Advance(TimeSpan.FromMilliseconds(1));
        var swept = await Task.WhenAll(SweepAsync(A), SweepAsync(B), SweepAsync(B));

        Assert.Equal(1, swept.Sum());
        await AssertLostOnTimeAsync(gameId, Color.Black);
        Assert.Equal(0, await SweepAsync(A));
    }

    [Fact]
    public async Task The_sweep_on_another_instance_ends_a_held_game_and_both_players_see_it()
    {
        var (black, white) = await OpeningAsync(OneMinute);
        var onBlack = new RecordingObserver();
        var onWhite = new RecordingObserver();
        using var s1 = black.Subscribe(onBlack);
        using var s2 = white.Subscribe(onWhite);

        time.Advance(TimeSpan.FromMinutes(1) + Allowance);
        Assert.Equal(1, await SweepAsync(B));

        foreach (var observer in new[] { onBlack, onWhite })
        {
            var seen = await observer.WaitForAsync<GameSnapshot>(s => s.View.Status == GameStatus.Complete);
            Assert.Equal(new GameResult(ResultType.Time, Color.White), seen.View.Result);
            Assert.True(seen.View.Clock.Read(Color.Black, time.GetUtcNow()).FlagFell);
        }
    }

    [Fact]
    public async Task A_player_may_claim_the_game_once_the_opponent_has_been_away_for_the_grace_period()
    {
        var (black, white) = await OpeningAsync(TimeControl.Absolute(TimeSpan.FromMinutes(10)));
        Assert.Equal(ActionReply.Refused(ActionFailure.OpponentNotGone), await black.ActAsync(ActionType.ClaimWin, null, Cancel));

        time.Advance(TimeSpan.FromSeconds(5));
        var left = time.GetUtcNow();
        await white.DisposeAsync();
        await Eventually.HoldsAsync(() => black.Snapshot.AwaySince.White == left, Cancel, EventRecorder.Deadline);
        time.Advance(new ClockOptions().AwayGrace - TimeSpan.FromMilliseconds(1));
        Assert.Equal(ActionReply.Refused(ActionFailure.OpponentNotGone), await black.ActAsync(ActionType.ClaimWin, null, Cancel));

        time.Advance(TimeSpan.FromMilliseconds(1));
        var claim = await black.ActAsync(ActionType.ClaimWin, null, Cancel);

        Assert.Equal(new ActionOutcome.WonByForfeit(Color.Black), claim.Outcome);
        var stored = await A.Get<GameStore>().LoadGameAsync(black.GameId, Cancel);
        Assert.Equal((GameStatus.Complete, ResultType.Forfeit, Color.Black), (stored!.Game.Status, stored.Game.ResultType, stored.Game.Winner));
        Assert.Equal(TimeSpan.FromSeconds(65) - Allowance, stored.Actions[^1].Thinking); // black's own clock ran meanwhile
    }

    [Fact]
    public async Task An_untimed_game_has_the_longer_grace_and_a_player_who_came_back_cannot_be_claimed_against()
    {
        var created = await A.Get<IGameCoordinator>().CreateGameAsync(new NewGameRequest(9, Ruleset.Japanese(), Color.Black, OpponentKind.Human), NewConnection(), Cancel);
        var black = created.Seat!;
        var white = (await B.Get<IGameCoordinator>().JoinGameAsync(black.Keys.White, null, NewConnection(), Cancel)).Seat!;
        await white.DisposeAsync();

        time.Advance(new ClockOptions().AwayGrace);
        Assert.Equal(ActionReply.Refused(ActionFailure.OpponentNotGone), await black.ActAsync(ActionType.ClaimWin, null, Cancel));
        white = (await B.Get<IGameCoordinator>().JoinGameAsync(black.Keys.White, null, NewConnection(), Cancel)).Seat!;
        time.Advance(new ClockOptions().AwayGraceUntimed);
        Assert.Equal(ActionReply.Refused(ActionFailure.OpponentNotGone), await black.ActAsync(ActionType.ClaimWin, null, Cancel));

        await white.DisposeAsync();
        time.Advance(new ClockOptions().AwayGraceUntimed);

        Assert.True((await black.ActAsync(ActionType.ClaimWin, null, Cancel)).Success);
        Assert.Equal(new GameResult(ResultType.Forfeit, Color.Black), black.Snapshot.View.Result);
    }

    [Fact]
    public async Task A_move_racing_the_sweep_after_its_flag_fell_loses_on_time_and_the_game_ends_once()
    {
        var (black, _) = await OpeningAsync(OneMinute);
        time.Advance(TimeSpan.FromMinutes(1) + Allowance);

        // The move reaches black's instance while both instances sweep: whoever gets there first, the game is lost on time.
        var move = black.ActAsync(ActionType.PlaceStone, new Point(4, 4), Cancel);
        var swept = await Task.WhenAll(SweepAsync(A), SweepAsync(B));
        var reply = await move;

        Assert.False(reply.Success);
        Assert.True(reply.Outcome is ActionRefusal.FlagFell { Player: Color.Black } or ActionRefusal.GameComplete, reply.ToString());
        Assert.True(swept.Sum() <= 1);
        await AssertLostOnTimeAsync(black.GameId, Color.Black);
        Assert.DoesNotContain((await A.Get<GameStore>().LoadGameAsync(black.GameId, Cancel))!.Actions, a => a.Point == new Point(4, 4));
    }

    [Fact]
    public async Task A_player_who_returns_after_the_grace_but_before_a_claim_plays_on()
    {
        var (black, white) = await OpeningAsync(TimeControl.Absolute(TimeSpan.FromMinutes(10)));
        await white.DisposeAsync();
        await Eventually.HoldsAsync(() => black.Snapshot.AwaySince.White is not null, Cancel, EventRecorder.Deadline);
        time.Advance(new ClockOptions().AwayGrace + TimeSpan.FromSeconds(1));

        var back = await B.Get<IGameCoordinator>().JoinGameAsync(black.Keys.White, null, NewConnection(), Cancel);
        Assert.True(back.Success, back.ToString());
        await Eventually.HoldsAsync(() => black.Snapshot.Connected.White, Cancel, EventRecorder.Deadline);

        Assert.Equal(ActionReply.Refused(ActionFailure.OpponentNotGone), await black.ActAsync(ActionType.ClaimWin, null, Cancel));
        await MustActAsync(black, new Point(4, 4));
        await MustActAsync(back.Seat!, new Point(5, 5));
        Assert.Equal(GameStatus.Play, back.Seat!.Snapshot.View.Status);
        await EndAsync(black);
    }

    [Fact]
    public async Task Two_claims_racing_each_other_end_the_game_by_forfeit_once()
    {
        var (black, white) = await OpeningAsync(TimeControl.Absolute(TimeSpan.FromMinutes(10)));
        await MustActAsync(black, new Point(4, 4)); // white's clock runs, and white leaves
        await white.DisposeAsync();
        await Eventually.HoldsAsync(() => black.Snapshot.AwaySince.White is not null, Cancel, EventRecorder.Deadline);
        time.Advance(new ClockOptions().AwayGrace);

        var replies = await Task.WhenAll(black.ActAsync(ActionType.ClaimWin, null, Cancel), black.ActAsync(ActionType.ClaimWin, null, Cancel));

        Assert.Single(replies, r => r.Success);
        Assert.Single(replies, r => r.Outcome is ActionRefusal.GameComplete);
        var stored = (await A.Get<GameStore>().LoadGameAsync(black.GameId, Cancel))!;
        Assert.Equal((GameStatus.Complete, ResultType.Forfeit, Color.Black), (stored.Game.Status, stored.Game.ResultType, stored.Game.Winner));
        Assert.Single(stored.Actions, a => a.Type == ActionType.ClaimWin);
        Assert.Null(stored.Game.Deadline);
        Assert.Equal(0, await SweepAsync(B));
    }

    [Fact]
    public async Task A_claim_racing_the_sweep_on_another_instance_after_the_flag_fell_ends_the_game_once_on_time()
    {
        var (black, white) = await OpeningAsync(OneMinute);
        await MustActAsync(black, new Point(4, 4));
        await white.DisposeAsync();
        await Eventually.HoldsAsync(() => black.Snapshot.AwaySince.White is not null, Cancel, EventRecorder.Deadline);

        // White has been away for the grace period and white's flag has fallen: the time loss came first.
        time.Advance(TimeSpan.FromMinutes(1) + Allowance);
        var claim = black.ActAsync(ActionType.ClaimWin, null, Cancel);
        var swept = await SweepAsync(B);
        var reply = await claim;

        Assert.True(reply.Outcome is ActionRefusal.FlagFell { Player: Color.White } or ActionRefusal.GameComplete, reply.ToString());
        Assert.True(swept <= 1);
        await AssertLostOnTimeAsync(black.GameId, Color.White);
        Assert.DoesNotContain((await A.Get<GameStore>().LoadGameAsync(black.GameId, Cancel))!.Actions, a => a.Type == ActionType.ClaimWin);
    }

    [Fact]
    public async Task An_invalid_time_control_is_refused_at_creation()
    {
        var created = await A.Get<IGameCoordinator>().CreateGameAsync(
            new NewGameRequest(9, Ruleset.Japanese(), Color.Black, OpponentKind.Human, TimeControl: TimeControl.ByoYomi(TimeSpan.Zero, 0, TimeSpan.FromSeconds(30))),
            NewConnection(),
            Cancel);

        Assert.Equal((SeatFailure.Invalid, InvalidRequest.TimeControl, TimeControlRefusal.PeriodsOutOfRange), (created.Failure, created.Invalid, created.TimeControl));
    }

    // The coordinator and the sweep on the test's clock; the presence lease keeps real time, so that moving the fake
    // clock on by minutes does not make the instances' leases look expired.
    private void OnFakeTime(IServiceCollection services)
    {
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<GameCoordinator>(provider, (TimeProvider)time));
        services.Remove(services.Single(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType == typeof(TimeoutSweeper)));
    }

    private Task<int> SweepAsync(TestHost host) => Sweeps.RunAsync(host.Services, time, Cancel);

    /// <summary>A timed game, black created on A and white joined on B, after both free first moves: black's clock runs.</summary>
    private async Task<(IGameSeat Black, IGameSeat White)> OpeningAsync(TimeControl control)
    {
        var created = await A.Get<IGameCoordinator>().CreateGameAsync(
            new NewGameRequest(9, Ruleset.Japanese(), Color.Black, OpponentKind.Human, TimeControl: control), NewConnection(), Cancel);
        Assert.True(created.Success, created.ToString());
        var joined = await B.Get<IGameCoordinator>().JoinGameAsync(created.Seat!.Keys.White, null, NewConnection(), Cancel);
        Assert.True(joined.Success, joined.ToString());
        var (black, white) = (created.Seat, joined.Seat!);
        await MustActAsync(black, new Point(2, 2));
        time.Advance(TimeSpan.FromSeconds(30));
        await MustActAsync(white, new Point(6, 6));
        Assert.Equal(new RunningClock(Color.Black, time.GetUtcNow(), TimeSpan.Zero), white.Snapshot.View.Clock.Running);
        return (black, white);
    }

    /// <summary>
    /// Resigns a game the test leaves with a clock running: the store is shared by the class's tests, and a later test's
    /// sweep, its fake clock started later, would find this game's deadline passed.
    /// </summary>
    private static async Task EndAsync(IGameSeat seat)
    {
        // The opponent's last move may still be on its way to this seat's instance: a resignation decided before it is preempted.
        var reply = await seat.ActAsync(ActionType.Resign, null, Cancel);
        for (var attempt = 0; reply.Failure == ActionFailure.Preempted && attempt < 10; attempt++)
        {
            reply = await seat.ActAsync(ActionType.Resign, null, Cancel);
        }

        Assert.True(reply.Success, reply.ToString());
    }

    private static async Task MustActAsync(IGameSeat seat, Point point)
    {
        var reply = await seat.ActAsync(ActionType.PlaceStone, point, Cancel);
        Assert.True(reply.Success, reply.ToString());
    }

    private async Task AssertLostOnTimeAsync(long gameId, Color loser)
    {
        var stored = await A.Get<GameStore>().LoadGameAsync(gameId, Cancel);
        Assert.Equal((GameStatus.Complete, ResultType.Time, loser.Opponent()), (stored!.Game.Status, stored.Game.ResultType, stored.Game.Winner));
        Assert.Single(stored.Actions, a => a.Type == ActionType.Timeout);
        Assert.Equal(new GameAction(ActionType.Timeout, loser, null, stored.Actions[^1].At), stored.Actions[^1]);
        Assert.Null(stored.Game.Deadline);
    }

    private SeatHolder NewConnection() => new(ConnectionKind.Socket, $"conn-{Interlocked.Increment(ref connections)}");
}

[Trait("Category", "Data")]
public sealed class PostgresCoordinatorClockTests(PostgresStore store) : CoordinatorClockTests<PostgresStore>(store), IClassFixture<PostgresStore>;

[Trait("Category", "Data")]
public sealed class SqliteCoordinatorClockTests(SqliteStore store) : CoordinatorClockTests<SqliteStore>(store), IClassFixture<SqliteStore>;
