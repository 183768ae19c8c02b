using Igo.Computer;
using Igo.Computer.Gtp;
using Igo.Computer.MonteCarlo;
using Igo.Computer.Players;
using Igo.Domain;
using Igo.Testing.Games;
using Igo.Testing.Waiting;
using Igo.Web.Computer;
using Igo.Web.Games;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Igo.Tests.Computer;

/// <summary>The host and its players on an in-memory, rules-backed coordinator (the real one is exercised in <see cref="ComputerPlayersOnTheStoreTests{TStore}"/>).</summary>
[Trait("Category", "Ai")]
public sealed class ComputerPlayerHostTests : IAsyncDisposable
{
    private static readonly ComputerOptions Options = new()
    {
        GnuGoCommand = string.Empty,
        Threads = 2,
        BuiltInPlayouts = 150,
        SweepInterval = TimeSpan.FromMilliseconds(200),
        OpponentAwayGrace = TimeSpan.FromSeconds(30), // on the fake clock: the test does not wait for it
    };

    private static readonly SeatHolder Human = new(ConnectionKind.Circuit, "human");

    private readonly InMemoryCoordinator coordinator = new();
    private readonly FakeTimeProvider clock = new(TimeProvider.System.GetUtcNow());
    private readonly List<IAsyncDisposable> cleanup = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var item in Enumerable.Reverse(cleanup))
        {
            await item.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_9x9_game_against_the_built_in_player_through_the_host_reaches_a_result()
    {
        var host = await NewHostAsync();
        coordinator.Launcher = host;
        var seat = (await coordinator.CreateGameAsync(new NewGameRequest(9, Ruleset.Japanese(), Color.Black, OpponentKind.Computer, ComputerPlayerCatalog.ClubId), Human, TestContext.Current.CancellationToken)).Seat!;
        var human = new ComputerPlayer(seat, new ComputerPlayerPolicy(new MonteCarloBrain(new(100, null, 1, 9, 100)), Color.Black), TimeSpan.FromMinutes(1), TimeProvider.System, NullLogger.Instance, _ => { });
        human.Start();

        await human.Completion.WaitAsync(TimeSpan.FromSeconds(120), TestContext.Current.CancellationToken);

        var view = coordinator.ViewOf(seat.Key);
        Assert.Equal(GameStatus.Complete, view.Status);
        Assert.NotNull(view.Result);
        Assert.DoesNotContain(coordinator.Attempts, attempt => attempt.Player == Color.White && attempt.Type == ActionType.PlaceStone && !attempt.Reply.Success);
        await Eventually.HoldsAsync(() => host.DrivenKeys.Count == 0, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Only_one_host_drives_a_computer_key_and_another_takes_over_when_it_stops()
    {
        var first = await NewHostAsync();
        var second = await NewHostAsync();
        coordinator.Launcher = first;
        var seat = (await coordinator.CreateGameAsync(new NewGameRequest(9, Ruleset.Japanese(), Color.Black, OpponentKind.Computer), Human, TestContext.Current.CancellationToken)).Seat!;
        var computerKey = seat.Keys.White;
        await Eventually.HoldsAsync(() => first.DrivenKeys.Contains(computerKey), TestContext.Current.CancellationToken);

        var firstHolder = coordinator.HolderOf(computerKey);
        second.Launch(coordinator.ComputerSeatOf(computerKey));
        Assert.Equal(0, await second.SweepAsync(TestContext.Current.CancellationToken));
        await Eventually.HoldsAsync(() => coordinator.Joins.Count(join => join.Key == computerKey) == 2, TestContext.Current.CancellationToken); // the second host's join was answered
        Assert.Equal(firstHolder, coordinator.HolderOf(computerKey));
        Assert.Empty(second.DrivenKeys);

        await first.StopAsync(TestContext.Current.CancellationToken);
        Assert.Null(coordinator.HolderOf(computerKey));
        Assert.Equal(1, await second.SweepAsync(TestContext.Current.CancellationToken));

        await Eventually.HoldsAsync(() => second.DrivenKeys.Contains(computerKey), TestContext.Current.CancellationToken);
        Assert.Equal(ConnectionKind.Computer, coordinator.HolderOf(computerKey)?.Kind);

        // It plays on where the first left off.
        Assert.True((await seat.ActAsync(ActionType.PlaceStone, new Point(4, 4), TestContext.Current.CancellationToken)).Success);
        await Eventually.HoldsAsync(() => coordinator.ViewOf(computerKey).Turn == Color.Black && coordinator.ViewOf(computerKey).MoveNumber == 2, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_computer_player_never_repeats_a_refused_move_and_passes_instead()
    {
        var seat = (await coordinator.CreateGameAsync(new NewGameRequest(9, Ruleset.Japanese(), Color.Black, OpponentKind.Computer), Human, TestContext.Current.CancellationToken)).Seat!;
        Assert.True((await seat.ActAsync(ActionType.PlaceStone, new Point(4, 4), TestContext.Current.CancellationToken)).Success);
        var computerKey = coordinator.ComputerSeatOf(seat.Key);
        var computerSeat = (await coordinator.JoinGameAsync(computerKey.Key, computerKey.Secret, new SeatHolder(ConnectionKind.Computer, "stubborn"), TestContext.Current.CancellationToken)).Seat!;
        var stubborn = new ComputerPlayer(computerSeat, new ComputerPlayerPolicy(new StubbornBrain(new Point(4, 4)), Color.White), TimeSpan.FromMinutes(1), TimeProvider.System, NullLogger.Instance, _ => { });
        cleanup.Add(stubborn);

        stubborn.Start();
        await Eventually.HoldsAsync(() => coordinator.ViewOf(seat.Key).MoveNumber == 2, TestContext.Current.CancellationToken);
        await stubborn.DisposeAsync(); // it has stopped: every attempt it made is in the log

        var white = coordinator.Attempts.Where(attempt => attempt.Player == Color.White).ToList();
        Assert.Equal(2, white.Count);
        Assert.Equal((ActionType.PlaceStone, false), (white[0].Type, white[0].Reply.Success));
        Assert.Equal((ActionType.Pass, true), (white[1].Type, white[1].Reply.Success));
    }

    [Fact]
    public async Task A_computer_player_lets_go_of_its_key_when_its_opponent_stays_away()
    {
        var host = await NewHostAsync();
        coordinator.Launcher = host;
        var seat = (await coordinator.CreateGameAsync(new NewGameRequest(9, Ruleset.Japanese(), Color.White, OpponentKind.Computer), Human, TestContext.Current.CancellationToken)).Seat!;
        var computerKey = seat.Keys.Black;
        await Eventually.HoldsAsync(() => coordinator.ViewOf(computerKey).MoveNumber == 1, TestContext.Current.CancellationToken);

        await seat.DisposeAsync();

        // The away timer starts when the departure reaches the player, so the clock moves on until it has gone.
        await Eventually.HoldsAsync(
            () =>
            {
                clock.Advance(Options.OpponentAwayGrace);
                return coordinator.HolderOf(computerKey) is null;
            },
            TestContext.Current.CancellationToken,
            awaited: "the computer player to give up its key once its opponent was away");
        Assert.Empty(host.DrivenKeys);
        Assert.Empty(await coordinator.FindUndrivenAsync(TestContext.Current.CancellationToken));
    }

    private async Task<ComputerPlayerHost> NewHostAsync()
    {
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var engines = new GtpEngines(options, NullLoggerFactory.Instance);
        cleanup.Add(engines);
        var catalog = new ComputerPlayerCatalog(engines, options, NullLoggerFactory.Instance);
        var host = new ComputerPlayerHost(() => coordinator, coordinator, catalog, options, clock, NullLogger<ComputerPlayerHost>.Instance);
        cleanup.Add(new StopHost(host));
        await Task.CompletedTask;
        return host;
    }

    /// <summary>A broken brain: always the same move, whatever the game refused before.</summary>
    private sealed class StubbornBrain(Point move) : IComputerBrain
    {
        public string Name => "Stubborn";

        public Task<Point?> ChooseMoveAsync(ComputerPosition position, IReadOnlySet<Point> excluded, CancellationToken cancellationToken = default) => Task.FromResult<Point?>(move);

        public Task<PositionJudgement> JudgeAsync(ComputerPosition position, CancellationToken cancellationToken = default) =>
            Task.FromResult(new PositionJudgement([], 0, Name));
    }

    private sealed class StopHost(ComputerPlayerHost host) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }
    }
}
