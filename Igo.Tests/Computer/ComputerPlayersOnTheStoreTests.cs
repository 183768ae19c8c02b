using Igo.Computer;
using Igo.Computer.MonteCarlo;
using Igo.Computer.Players;
using Igo.Data.Stores;
using Igo.Domain;
using Igo.Testing.Waiting;
using Igo.Tests.Data;
using Igo.Web.Computer;
using Igo.Web.Games;
using Microsoft.Extensions.Logging.Abstractions;

namespace Igo.Tests.Computer;

/// <summary>
/// Computer players on the real coordinator and store, with several app instances on one database: the secret, the
/// one-driver rule (holding the key is the lock), and the takeover when a driving instance stops or dies.
/// Run on PostgreSQL (LISTEN/NOTIFY) and on the SQLite default (one in-process bus).
/// </summary>
public abstract class ComputerPlayersOnTheStoreTests<TStore>(TStore store) : IAsyncLifetime
    where TStore : IStoreFixture
{
    private static readonly Dictionary<string, string?> ComputerSettings = new()
    {
        ["Computer:GnuGoCommand"] = string.Empty,
        ["Computer:Threads"] = "1",
        ["Computer:BuiltInPlayouts"] = "100",
        ["Computer:SweepInterval"] = "00:00:00.2",
    };

    private readonly List<TestHost> instances = [];
    private int connections;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in instances)
        {
            await instance.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_computer_key_cannot_be_joined_without_its_secret_and_a_sweep_joins_it_with_it()
    {
        var humans = await StartAsync(withComputerPlayers: false);
        var seat = await CreateVersusComputerAsync(humans);
        var computerKey = seat.Keys.White;

        var withoutSecret = await humans.Get<IGameCoordinator>().JoinGameAsync(computerKey, null, Human(), Cancel);
        var wrongSecret = await humans.Get<IGameCoordinator>().JoinGameAsync(computerKey, "0123456789", Human(), Cancel);

        Assert.Equal(SeatFailure.ComputerOnly, withoutSecret.Failure);
        Assert.Equal(SeatFailure.WrongSecret, wrongSecret.Failure);

        var computers = await StartAsync(withComputerPlayers: true);
        await Eventually.HoldsAsync(() => computers.Get<ComputerPlayerHost>().DrivenKeys.Contains(computerKey), Cancel);
        Assert.True((await seat.ActAsync(ActionType.PlaceStone, new Point(4, 4), Cancel)).Success);
        await Eventually.HoldsAsync(() => seat.Snapshot.View.MoveNumber == 2, Cancel);
    }

    [Fact]
    public async Task Only_one_instance_drives_a_computer_player_and_another_takes_over_when_it_stops()
    {
        var humans = await StartAsync(withComputerPlayers: false);
        var first = await StartAsync(withComputerPlayers: true);
        var second = await StartAsync(withComputerPlayers: true);
        var seat = await CreateVersusComputerAsync(humans);
        var computerKey = seat.Keys.White;

        // Exactly one holds the key, and it stays that way: later sweeps, by either instance, find nothing to take over.
        await Eventually.HoldsAsync(() => Drivers(first, second).Count == 1, Cancel);
        Assert.Equal(0, await first.Get<ComputerPlayerHost>().SweepAsync(Cancel));
        Assert.Equal(0, await second.Get<ComputerPlayerHost>().SweepAsync(Cancel));
        var driver = Assert.Single(Drivers(first, second));
        var other = driver == first ? second : first;
        Assert.True((await seat.ActAsync(ActionType.PlaceStone, new Point(4, 4), Cancel)).Success);
        await Eventually.HoldsAsync(() => seat.Snapshot.View.MoveNumber == 2, Cancel);

        await driver.DisposeAsync();
        instances.Remove(driver);

        await Eventually.HoldsAsync(() => other.Get<ComputerPlayerHost>().DrivenKeys.Contains(computerKey), Cancel);
        var reply = await seat.ActAsync(ActionType.PlaceStone, AnEmptyLegalPoint(seat.Snapshot.View), Cancel);
        Assert.True(reply.Success, reply.ToString());
        await Eventually.HoldsAsync(() => seat.Snapshot.View.MoveNumber == 4, Cancel);
        Assert.Equal(Color.Black, seat.Snapshot.View.Turn);

        IReadOnlyList<TestHost> Drivers(params TestHost[] hosts) => hosts.Where(host => host.Get<ComputerPlayerHost>().DrivenKeys.Contains(computerKey)).ToList();
    }

    [Fact]
    public async Task When_the_driving_instance_dies_another_takes_over_once_its_lease_expires()
    {
        var humans = await StartAsync(withComputerPlayers: false);
        var doomed = await StartAsync(withComputerPlayers: true);
        var seat = await CreateVersusComputerAsync(humans);
        var computerKey = seat.Keys.White;
        await Eventually.HoldsAsync(() => doomed.Get<ComputerPlayerHost>().DrivenKeys.Contains(computerKey), Cancel);

        await doomed.CrashAsync();
        instances.Remove(doomed);
        var survivor = await StartAsync(withComputerPlayers: true);

        await Eventually.HoldsAsync(() => survivor.Get<ComputerPlayerHost>().DrivenKeys.Contains(computerKey), Cancel, TimeSpan.FromSeconds(15));
        Assert.True((await seat.ActAsync(ActionType.PlaceStone, new Point(4, 4), Cancel)).Success);
        await Eventually.HoldsAsync(() => seat.Snapshot.View.MoveNumber == 2, Cancel);
    }

    [Fact]
    public async Task A_9x9_game_against_the_built_in_player_reaches_a_result()
    {
        var app = await StartAsync(withComputerPlayers: true);
        var created = await app.Get<IGameCoordinator>().CreateGameAsync(
            new NewGameRequest(9, Ruleset.Japanese(), Color.Black, OpponentKind.Computer, ComputerPlayerCatalog.BeginnerId), Human(), Cancel);
        var seat = created.Seat!;
        var human = new ComputerPlayer(seat, new ComputerPlayerPolicy(new MonteCarloBrain(new(100, null, 1, 17, 100)), Color.Black), TimeSpan.FromMinutes(1), TimeProvider.System, NullLogger.Instance, _ => { });

        human.Start();
        await human.Completion.WaitAsync(TimeSpan.FromSeconds(120), Cancel);

        var stored = await app.Get<GameStore>().LoadGameAsync(seat.GameId, Cancel);
        Assert.Equal(GameStatus.Complete, stored!.Game.Status);
        var replayed = Game.Replay(9, stored.Game.Rules, stored.Actions);
        Assert.NotNull(replayed.Result);
        Assert.Equal(replayed.Result!.Winner, stored.Game.Winner);
        await Eventually.HoldsAsync(() => app.Get<ComputerPlayerHost>().DrivenKeys.Count == 0, Cancel);
    }

    private async Task<TestHost> StartAsync(bool withComputerPlayers)
    {
        var instance = await store.StartInstanceAsync(
            services =>
            {
                if (withComputerPlayers)
                {
                    services.AddIgoComputer();
                }
            },
            withComputerPlayers ? ComputerSettings : null);
        instances.Add(instance);
        return instance;
    }

    private async Task<IGameSeat> CreateVersusComputerAsync(TestHost host)
    {
        var created = await host.Get<IGameCoordinator>().CreateGameAsync(new NewGameRequest(9, Ruleset.Japanese(), Color.Black, OpponentKind.Computer, ComputerPlayerCatalog.BeginnerId), Human(), Cancel);
        Assert.True(created.Success, created.ToString());
        return created.Seat!;
    }

    /// <summary>A point the player to move may take: the computer's reply may have taken any fixed one.</summary>
    private static Point AnEmptyLegalPoint(GameView view)
    {
        var index = view.LegalForTurn.ToList().IndexOf(true);
        Assert.True(index >= 0, "no legal point for the player to move");
        return new Point(index / view.Size, index % view.Size);
    }

    private SeatHolder Human() => new(ConnectionKind.Socket, $"human-{Interlocked.Increment(ref connections)}");
}

[Trait("Category", "Ai")]
public sealed class PostgresComputerPlayersTests(PostgresStore store) : ComputerPlayersOnTheStoreTests<PostgresStore>(store), IClassFixture<PostgresStore>;

[Trait("Category", "Ai")]
public sealed class SqliteComputerPlayersTests(SqliteStore store) : ComputerPlayersOnTheStoreTests<SqliteStore>(store), IClassFixture<SqliteStore>;
