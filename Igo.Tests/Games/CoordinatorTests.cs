using Igo.Data;
using Igo.Domain;
using Igo.Testing.Waiting;
using Igo.Tests.Data;
using Igo.Web.Games;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Igo.Tests.Games;

/// <summary>
/// The coordinator's guarantees with two instances (two service providers, two instance ids) on one store: run on
/// PostgreSQL with LISTEN/NOTIFY and on the SQLite default with the in-process bus.
/// </summary>
public abstract class CoordinatorTests<TStore>(TStore store) : IAsyncLifetime
    where TStore : IStoreFixture
{
    private int connections;

    protected TStore Store => store;

    protected TestHost A { get; private set; } = null!;

    protected TestHost B { get; private set; } = null!;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>
    /// A and B, and every other instance here, hold long leases (<see cref="TestHost.LongLease"/>): these tests are not
    /// about leases (PresenceLeaseTests are), and under load the default 1.5 s test lease of a live instance can lapse
    /// and be swept, releasing its keys in the middle of a test. Fake time cannot stand in for it here, because these
    /// tests need the real clock for everything else an instance times (the listener, the time played).
    /// </summary>
    public virtual async ValueTask InitializeAsync()
    {
        A = await StartAsync();
        B = await StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>An instance on the test's store with a long lease (see <see cref="InitializeAsync"/>).</summary>
    protected Task<TestHost> StartAsync(Action<IServiceCollection>? configure = null, Guid? instanceId = null) =>
        store.StartInstanceAsync(configure, TestHost.LongLease, instanceId);

    protected SeatHolder NewConnection() => new(ConnectionKind.Socket, $"conn-{Interlocked.Increment(ref connections)}");

    protected static IGameCoordinator On(TestHost host) => host.Get<IGameCoordinator>();

    /// <summary>Black created on A, white joined on B.</summary>
    protected async Task<(IGameSeat Black, IGameSeat White)> NewGameAsync(int size = 9)
    {
        var created = await On(A).CreateGameAsync(new NewGameRequest(size, Ruleset.Japanese(), Color.Black, OpponentKind.Human), NewConnection(), Cancel);
        Assert.True(created.Success, created.ToString());
        var joined = await On(B).JoinGameAsync(created.Seat!.Keys.White, null, NewConnection(), Cancel);
        Assert.True(joined.Success, joined.ToString());
        return (created.Seat, joined.Seat!);
    }

    [Fact]
    public async Task A_move_through_one_coordinator_reaches_a_subscriber_of_the_other()
    {
        var (black, white) = await NewGameAsync();
        var observer = new RecordingObserver();
        using var subscription = white.Subscribe(observer);

        var reply = await black.ActAsync(ActionType.PlaceStone, new Point(2, 3), Cancel);

        Assert.Equal(ActionReply.Judged(new ActionOutcome.StonePlaced(Color.Black, new Point(2, 3))), reply with { Produced = null });
        Assert.Equal(1, reply.Produced?.View.Version);
        Assert.Equal(Stone.Black, reply.Produced?.View[new Point(2, 3)].Stone);
        var seen = await observer.WaitForVersionAsync(1);
        Assert.Equal(Stone.Black, seen.View[new Point(2, 3)].Stone);
        Assert.Equal(Color.White, seen.View.Turn);
        GameViews.AssertSame(black.Snapshot.View, seen.View);
        Assert.Equal(1, white.Snapshot.View.Version);
    }

    [Fact]
    public async Task Chat_reaches_both_players_with_server_ids_and_times_in_order()
    {
        var (black, white) = await NewGameAsync();
        var onBlack = new RecordingObserver();
        var onWhite = new RecordingObserver();
        using var s1 = black.Subscribe(onBlack);
        using var s2 = white.Subscribe(onWhite);

        Assert.True((await white.ChatAsync("hi bob", Cancel)).Success);
        Assert.True((await black.ChatAsync("hello", Cancel)).Success);

        var first = await onBlack.WaitForAsync<ChatMessage>();
        var second = await onBlack.WaitForAsync<ChatMessage>();
        Assert.Equal((Color.White, "hi bob", Color.Black, "hello"), (first.Author, first.Text, second.Author, second.Text));
        Assert.True(second.Id > first.Id && second.At >= first.At);
        Assert.Equal(first, await onWhite.WaitForAsync<ChatMessage>());
        Assert.Equal(second, await onWhite.WaitForAsync<ChatMessage>());
        Assert.Equal([first, second], await black.ChatThreadAsync(Cancel));
    }

    [Fact]
    public async Task The_opponent_hears_when_a_player_joins_and_leaves_on_another_instance()
    {
        var created = await On(A).CreateGameAsync(new NewGameRequest(9, Ruleset.Japanese(), Color.Black, OpponentKind.Human), NewConnection(), Cancel);
        var black = created.Seat!;
        var observer = new RecordingObserver();
        using var subscription = black.Subscribe(observer);
        Assert.Equal(new PerColor<bool>(true, false), black.Snapshot.Connected);

        var white = (await On(B).JoinGameAsync(black.Keys.White, null, NewConnection(), Cancel)).Seat!;
        Assert.Equal(new RecordingObserver.Presence(Color.White, true), await observer.WaitForAsync<RecordingObserver.Presence>());
        await white.DisposeAsync();
        Assert.Equal(new RecordingObserver.Presence(Color.White, false), await observer.WaitForAsync<RecordingObserver.Presence>());

        Assert.Equal(new PerColor<bool>(true, false), black.Snapshot.Connected);
        var again = await On(A).JoinGameAsync(black.Keys.White, null, NewConnection(), Cancel);
        Assert.True(again.Success, again.ToString());
        await again.Seat!.DisposeAsync();
    }

    [Fact]
    public async Task Conflicting_resignations_race_a_hundred_times_and_exactly_one_wins_each_time()
    {
        for (var race = 0; race < 100; race++)
        {
            var (black, white) = await NewGameAsync(size: 5);
            var replies = await Task.WhenAll(black.ActAsync(ActionType.Resign, null, Cancel), white.ActAsync(ActionType.Resign, null, Cancel));

            var winners = replies.Count(r => r.Success);
            Assert.True(winners == 1, $"race {race}: {string.Join(" / ", replies.Select(r => r.ToString()))}");
            var loser = replies.Single(r => !r.Success);
            Assert.True(
                loser == ActionReply.Refused(ActionFailure.Preempted) || loser == ActionReply.Judged(new ActionRefusal.GameComplete()),
                $"race {race}: the loser was told {loser}");
            await AssertConvergedAsync(black, white, expectedVersion: 1);
            await black.DisposeAsync();
            await white.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_stone_racing_a_resignation_a_hundred_times_never_applies_anything_twice()
    {
        var conflicts = 0;
        for (var race = 0; race < 100; race++)
        {
            var (black, white) = await NewGameAsync(size: 5);
            var replies = await Task.WhenAll(black.ActAsync(ActionType.PlaceStone, new Point(2, 2), Cancel), white.ActAsync(ActionType.Resign, null, Cancel));

            var winners = replies.Count(r => r.Success);
            Assert.InRange(winners, 1, 2);
            conflicts += winners == 1 ? 1 : 0;
            Assert.All(replies.Where(r => !r.Success), r => Assert.Equal(ActionFailure.Preempted, r.Failure));
            var stored = await AssertConvergedAsync(black, white, expectedVersion: winners);
            Assert.Equal(replies[1].Success, stored.Result is { Type: ResultType.Resignation, Winner: Color.Black });
            Assert.Equal(replies[0].Success, stored[new Point(2, 2)].Stone == Stone.Black);
            await black.DisposeAsync();
            await white.DisposeAsync();
        }

        Assert.True(conflicts > 0, "no race was a real conflict");
    }

    [Fact]
    public async Task A_game_survives_a_restart_of_the_app()
    {
        var created = await On(A).CreateGameAsync(new NewGameRequest(9, Ruleset.Chinese(), Color.White, OpponentKind.Human), NewConnection(), Cancel);
        var white = created.Seat!;
        var black = (await On(A).JoinGameAsync(white.Keys.Black, null, NewConnection(), Cancel)).Seat!;
        (IGameSeat Seat, Point? Point)[] moves = [(black, new(2, 2)), (white, new(6, 6)), (black, new(2, 6)), (white, null), (black, new(4, 4))];
        foreach (var (player, point) in moves)
        {
            var reply = await player.ActAsync(point is null ? ActionType.Pass : ActionType.PlaceStone, point, Cancel);
            Assert.True(reply.Success, reply.ToString());
        }

        await white.ChatAsync("good game so far", Cancel);
        var before = black.Snapshot;
        var chatBefore = await black.ChatThreadAsync(Cancel);
        await A.CrashAsync();
        await using var restarted = await StartAsync(instanceId: A.InstanceId);

        var rejoined = await On(restarted).JoinGameAsync(black.Keys.Black, null, NewConnection(), Cancel);

        Assert.True(rejoined.Success, rejoined.ToString());
        await using var seat = rejoined.Seat!;
        GameViews.AssertSame(before.View, seat.Snapshot.View);
        Assert.Equal(before.TimePlayedSeconds, seat.Snapshot.TimePlayedSeconds);
        Assert.Equal(chatBefore, await seat.ChatThreadAsync(Cancel));
        Assert.Equal(Ruleset.Chinese(), seat.Snapshot.View.Rules);
    }

    [Fact]
    public async Task Time_played_grows_between_commits_while_a_player_is_connected()
    {
        // Two instances of their own on one fake clock: the time played is the clock's time between commits, exactly.
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var first = await store.StartInstanceAsync(services => services.AddSingleton<TimeProvider>(clock));
        await using var second = await store.StartInstanceAsync(services => services.AddSingleton<TimeProvider>(clock));
        var created = await On(first).CreateGameAsync(new NewGameRequest(9, Ruleset.Japanese(), Color.Black, OpponentKind.Human), NewConnection(), Cancel);
        var black = created.Seat!;
        await using var white = (await On(second).JoinGameAsync(black.Keys.White, null, NewConnection(), Cancel)).Seat!;
        clock.Advance(TimeSpan.FromMilliseconds(300));

        await black.ActAsync(ActionType.PlaceStone, new Point(0, 0), Cancel);
        var afterFirst = black.Snapshot;
        clock.Advance(TimeSpan.FromMilliseconds(200));
        await black.DisposeAsync();
        await white.ActAsync(ActionType.PlaceStone, new Point(1, 1), Cancel);
        var afterSecond = white.Snapshot;

        // The clock started when both were seated; a clock that did not run would show zero.
        Assert.Equal(0.3, afterFirst.TimePlayedSeconds, precision: 6);
        Assert.Equal(0.2, afterSecond.TimePlayedSeconds - afterFirst.TimePlayedSeconds, precision: 6);
        Assert.NotNull(afterSecond.ClockRunningSince);
    }

    [Fact]
    public async Task Join_failures_say_exactly_why()
    {
        var creator = NewConnection();
        var created = await On(A).CreateGameAsync(new NewGameRequest(9, Ruleset.Japanese(), Color.Black, OpponentKind.Human), creator, Cancel);
        var black = created.Seat!;
        var computerGame = await On(A).CreateGameAsync(new NewGameRequest(9, Ruleset.Japanese(), Color.White, OpponentKind.Computer, "gnugo"), NewConnection(), Cancel);
        await using var human = computerGame.Seat!;

        var notFound = await On(B).JoinGameAsync("0000000000", null, NewConnection(), Cancel);
        var mine = await On(A).JoinGameAsync(black.Key, null, creator, Cancel);
        var taken = await On(B).JoinGameAsync(black.Key, null, NewConnection(), Cancel);
        var computerOnly = await On(B).JoinGameAsync(human.Keys.Black, null, NewConnection(), Cancel);
        var wrongSecret = await On(B).JoinGameAsync(human.Keys.Black, "aaaaaaaaaa", NewConnection(), Cancel);
        var secretWhereNone = await On(B).JoinGameAsync(black.Keys.White, "aaaaaaaaaa", NewConnection(), Cancel);

        Assert.Equal(SeatOutcome.Refused(SeatFailure.NotFound), notFound);
        Assert.Equal(SeatOutcome.Refused(SeatFailure.AlreadyHolding), mine);
        Assert.Equal(SeatOutcome.Refused(SeatFailure.InUse), taken);
        Assert.Equal(SeatOutcome.Refused(SeatFailure.ComputerOnly), computerOnly);
        Assert.Equal(SeatFailure.WrongSecret, wrongSecret.Failure);
        Assert.Equal(SeatFailure.WrongSecret, secretWhereNone.Failure);
        Assert.All(new[] { notFound, mine, taken, computerOnly, wrongSecret, secretWhereNone }, o => Assert.Null(o.Seat));
    }

    [Fact]
    public async Task Joins_racing_for_one_seat_on_both_instances_give_it_to_exactly_one_and_tell_the_others_it_is_in_use()
    {
        for (var round = 0; round < 10; round++)
        {
            var created = await On(A).CreateGameAsync(new NewGameRequest(9, Ruleset.Japanese(), Color.Black, OpponentKind.Human), NewConnection(), Cancel);
            var black = created.Seat!;
            var observer = new RecordingObserver();
            using var subscription = black.Subscribe(observer);

            // A holds the game, so its joins take the key on the game's queue through the group commit; B's take it
            // each on its own. The store decides between the two paths.
            var joins = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
                On(i % 2 == 0 ? A : B).JoinGameAsync(black.Keys.White, null, NewConnection(), Cancel)));

            Assert.True(joins.Count(j => j.Success) == 1, $"round {round}: {string.Join(" / ", joins.Select(j => j.ToString()))}");
            var winner = joins.Single(j => j.Success).Seat!;
            Assert.All(joins.Where(j => !j.Success), j => Assert.Equal(SeatOutcome.Refused(SeatFailure.InUse), j));
            Assert.Equal(Color.White, winner.Color);
            await observer.WaitForAsync<RecordingObserver.Presence>(p => p == new RecordingObserver.Presence(Color.White, true));
            Assert.Equal(new PerColor<bool>(true, true), winner.Snapshot.Connected);

            // The seat is free again once its winner leaves.
            await winner.DisposeAsync();
            await observer.WaitForAsync<RecordingObserver.Presence>(p => p == new RecordingObserver.Presence(Color.White, false));
            var again = await On(round % 2 == 0 ? A : B).JoinGameAsync(black.Keys.White, null, NewConnection(), Cancel);
            Assert.True(again.Success, $"round {round}: {again}");
            await again.Seat!.DisposeAsync();
        }
    }

    [Fact]
    public async Task Creating_and_joining_give_seats_of_the_two_colours_of_one_game()
    {
        var created = await On(A).CreateGameAsync(new NewGameRequest(9, Ruleset.Japanese(), Color.Black, OpponentKind.Human), NewConnection(), Cancel);
        var black = created.Seat!;
        var joined = await On(B).JoinGameAsync(black.Keys.White, null, NewConnection(), Cancel);
        await using var white = joined.Seat!;

        Assert.Equal((SeatOutcome.Held(black), SeatOutcome.Held(white)), (created, joined));
        Assert.Equal((Color.Black, black.Keys.Black, false), (black.Color, black.Key, black.OpponentIsComputer));
        Assert.Matches("^[0-9a-zA-Z]{10}$", black.Keys.Black);
        Assert.Matches("^[0-9a-zA-Z]{10}$", black.Keys.White);
        Assert.NotEqual(black.Keys.Black, black.Keys.White);
        Assert.Equal((Color.White, black.Keys, false), (white.Color, white.Keys, white.OpponentIsComputer));
    }

    [Fact]
    public async Task A_game_against_the_computer_launches_it_with_its_secret_and_the_computer_can_join()
    {
        await using var host = await StartAsync(services => services.AddSingleton<IComputerPlayerLauncher, RecordingLauncher>());
        var launcher = (RecordingLauncher)host.Get<IComputerPlayerLauncher>();

        var created = await On(host).CreateGameAsync(new NewGameRequest(9, Ruleset.Japanese(), Color.White, OpponentKind.Computer, "gnugo-1"), NewConnection(), Cancel);
        await using var human = created.Seat!;
        var request = Assert.Single(launcher.Requests);
        var computer = await On(host).JoinGameAsync(request.Key, request.Secret, new SeatHolder(ConnectionKind.Computer, "engine-1"), Cancel);
        await using var computerSeat = computer.Seat!;

        Assert.Equal((human.GameId, human.Keys.Black, "gnugo-1"), (request.GameId, request.Key, request.Level));
        Assert.Matches("^[0-9a-zA-Z]{10}$", request.Secret);
        Assert.True(human.OpponentIsComputer);
        Assert.True(computer.Success, computer.ToString());
        Assert.Equal((Color.Black, false), (computerSeat.Color, computerSeat.OpponentIsComputer));
    }

    [Fact]
    public async Task An_impossible_game_or_connection_is_refused_with_the_reason()
    {
        var tooBig = await On(A).CreateGameAsync(new NewGameRequest(30, Ruleset.Japanese(), Color.Black, OpponentKind.Human), NewConnection(), Cancel);
        var badHandicap = await On(A).CreateGameAsync(new NewGameRequest(5, Ruleset.Japanese() with { Handicap = 4 }, Color.Black, OpponentKind.Human), NewConnection(), Cancel);
        var noConnection = await On(A).CreateGameAsync(new NewGameRequest(9, Ruleset.Japanese(), Color.Black, OpponentKind.Human), new SeatHolder(ConnectionKind.Circuit, string.Empty), Cancel);

        Assert.Equal(SeatOutcome.InvalidBecause(InvalidRequest.Settings, SettingsRefusal.BoardSize), tooBig);
        Assert.Equal(SeatOutcome.InvalidBecause(InvalidRequest.Settings, SettingsRefusal.Handicap), badHandicap);
        Assert.Equal(SeatOutcome.InvalidBecause(InvalidRequest.ConnectionId), noConnection);
    }

    [Fact]
    public async Task Bad_chat_is_refused_with_a_reason_and_stores_nothing()
    {
        var (black, white) = await NewGameAsync();

        var empty = await black.ChatAsync("   ", Cancel);
        var tooLong = await black.ChatAsync(new string('x', 2001), Cancel);
        var nul = await black.ChatAsync("a\0b", Cancel);
        var longest = await black.ChatAsync(new string('y', 2000), Cancel);

        Assert.Equal(ActionReply.ChatRefused(ChatRefusal.Empty), empty);
        Assert.Equal(ActionReply.ChatRefused(ChatRefusal.TooLong), tooLong);
        Assert.Equal(ActionReply.ChatRefused(ChatRefusal.HasNul), nul);
        Assert.True(longest.Success);
        Assert.Equal([2000], (await black.ChatThreadAsync(Cancel)).Select(m => m.Text.Length));
        await black.DisposeAsync();
        await white.DisposeAsync();
    }

    [Fact]
    public async Task Rule_violations_change_nothing_and_say_which_rule()
    {
        var (black, white) = await NewGameAsync();

        var wrongTurn = await white.ActAsync(ActionType.PlaceStone, new Point(0, 0), Cancel);
        var notYet = await black.ActAsync(ActionType.RequestTally, null, Cancel);

        Assert.Equal(new ActionReply(ActionFailure.RuleViolation, new ActionRefusal.NotYourTurn(Color.White)), wrongTurn);
        Assert.Equal(new ActionReply(ActionFailure.NotPermitted, new ActionRefusal.WrongStatus(ActionType.RequestTally, GameStatus.Play)), notYet);
        Assert.Equal(0, black.Snapshot.View.Version);
        await black.DisposeAsync();
        await white.DisposeAsync();
    }

    [Fact]
    public async Task Observers_get_calls_in_commit_order_one_at_a_time_and_a_throwing_one_harms_nobody()
    {
        var (black, white) = await NewGameAsync();
        using var faulty = white.Subscribe(new ThrowingObserver());
        var observer = new RecordingObserver();
        using var subscription = white.Subscribe(observer);
        Point[] points = [new(0, 0), new(8, 8), new(0, 8), new(8, 0), new(4, 4), new(4, 5)];

        for (var i = 0; i < points.Length; i++)
        {
            var reply = await (i % 2 == 0 ? black : white).ActAsync(ActionType.PlaceStone, points[i], Cancel);
            Assert.True(reply.Success, reply.ToString());
        }

        await observer.WaitForVersionAsync(points.Length);
        var versions = observer.Seen.OfType<GameSnapshot>().Select(s => s.View.Version).ToList();
        Assert.Equal(Enumerable.Range(1, points.Length), versions);
        Assert.Equal(0, observer.Overlaps);
        await black.DisposeAsync();
        await white.DisposeAsync();
    }

    [Fact]
    public async Task A_released_seat_can_no_longer_act()
    {
        var (black, white) = await NewGameAsync();
        await black.DisposeAsync();

        var reply = await black.ActAsync(ActionType.PlaceStone, new Point(0, 0), Cancel);

        Assert.Equal(ActionReply.Refused(ActionFailure.SeatReleased), reply);
        Assert.Equal(0, white.Snapshot.View.Version);
        await white.DisposeAsync();
    }

    private async Task<GameViewState> AssertConvergedAsync(IGameSeat black, IGameSeat white, int expectedVersion)
    {
        await Eventually.ObservesAsync(
            () => (Black: black.Snapshot.View.Version, White: white.Snapshot.View.Version),
            versions => versions.Black == expectedVersion && versions.White == expectedVersion,
            Cancel,
            EventRecorder.Deadline,
            $"both seats at v{expectedVersion}");

        await using var fresh = await StartAsync();
        var stored = await fresh.Get<Igo.Data.Stores.GameStore>().LoadGameAsync(black.GameId, Cancel);
        var replayed = Game.Replay(stored!.Game.Size, stored.Game.Rules, stored.Actions).View();
        Assert.Equal(expectedVersion, stored.Game.Version);
        GameViews.AssertSame(replayed, black.Snapshot.View);
        GameViews.AssertSame(replayed, white.Snapshot.View);
        return new GameViewState(replayed);
    }

    protected sealed record GameViewState(GameView View)
    {
        public GameStatus Status => View.Status;

        public GameResult? Result => View.Result;

        public PointState this[Point point] => View[point];
    }

    private sealed class RecordingLauncher : IComputerPlayerLauncher
    {
        public List<ComputerSeatRequest> Requests { get; } = [];

        public void Launch(ComputerSeatRequest request) => Requests.Add(request);
    }
}

[Trait("Category", "Data")]
public sealed class PostgresCoordinatorTests(PostgresStore store) : CoordinatorTests<PostgresStore>(store), IClassFixture<PostgresStore>;

[Trait("Category", "Data")]
public sealed class SqliteCoordinatorTests(SqliteStore store) : CoordinatorTests<SqliteStore>(store), IClassFixture<SqliteStore>;
