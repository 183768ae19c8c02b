using Igo.Domain;
using Igo.Tests.Data;
using Igo.Web.Games;
using Npgsql;

namespace Igo.Tests.Games;

/// <summary>
/// Game setup takes a small, fixed number of calls to the store (docs/BENCHMARKS.md, "Game setup"): creating, joining a
/// game held on the same instance, and releasing one each go out as one write of the group commit. Joining on an
/// instance that does not hold the game yet also reads the game; and a key change made on another instance costs each
/// instance holding the game one more read, of who is connected.
/// </summary>
public abstract class SetupRoundTripTests<TStore>(TStore store) : IAsyncLifetime
    where TStore : IStoreFixture
{
    private IStoreCalls calls = null!;
    private TestHost a = null!;
    private TestHost b = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The calls of: a create, a join, a release (alone or the last seat), a join elsewhere and a release elsewhere.</summary>
    protected abstract SetupCalls Expected { get; }

    protected TStore Store => store;

    /// <summary>
    /// Long leases, and the timeout sweep once a minute: its read (four a second by default) is not part of setup and
    /// would land among the calls counted.
    /// </summary>
    private static Dictionary<string, string?> QuietSettings => new(TestHost.LongLease) { ["Igo:Clocks:SweepInterval"] = "00:01:00" };

    public async ValueTask InitializeAsync()
    {
        calls = Record();
        a = await store.StartInstanceAsync(settings: QuietSettings);
        b = await store.StartInstanceAsync(settings: QuietSettings);
        await WhenReadyAsync(a);
        await WhenReadyAsync(b);
    }

    public async ValueTask DisposeAsync()
    {
        await a.DisposeAsync();
        await b.DisposeAsync();
        calls.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Create_join_and_release_take_a_fixed_small_number_of_calls_each()
    {
        IGameSeat black = null!, white = null!;

        var create = await calls.DuringAsync(async () => black = await CreateAsync(a, "black"));
        var join = await calls.DuringAsync(async () =>
        {
            white = await SeatAsync(a.Get<IGameCoordinator>().JoinGameAsync(black.Keys.White, null, new SeatHolder(ConnectionKind.Socket, "white"), Cancel));
            Assert.Empty(await white.ChatThreadAsync(Cancel));
        });
        var release = await calls.DuringAsync(async () => await white.DisposeAsync());
        var releaseLast = await calls.DuringAsync(async () => await black.DisposeAsync());

        Assert.True(create.Count == Expected.Create, Describe("create", Expected.Create, create));
        Assert.True(join.Count == Expected.Join, Describe("join on the creator's instance", Expected.Join, join));
        Assert.True(release.Count == Expected.Release, Describe("release", Expected.Release, release));
        Assert.True(releaseLast.Count == Expected.Release, Describe("release of the last seat", Expected.Release, releaseLast));
    }

    [Fact]
    public async Task A_join_and_a_release_on_another_instance_add_a_read_of_the_game_and_of_who_is_connected()
    {
        await using var blackOnA = await CreateAsync(a, "black-2");
        var blackSees = new RecordingObserver();
        using var subscription = blackOnA.Subscribe(blackSees);
        IGameSeat whiteOnB = null!;

        var joinElsewhere = await calls.DuringAsync(async () =>
        {
            whiteOnB = await SeatAsync(b.Get<IGameCoordinator>().JoinGameAsync(blackOnA.Keys.White, null, new SeatHolder(ConnectionKind.Socket, "white-2"), Cancel));
            Assert.Empty(await whiteOnB.ChatThreadAsync(Cancel));
            await blackSees.WaitForAsync<RecordingObserver.Presence>(p => p.Connected);
        });
        var releaseElsewhere = await calls.DuringAsync(async () =>
        {
            await whiteOnB.DisposeAsync();
            await blackSees.WaitForAsync<RecordingObserver.Presence>(p => !p.Connected);
        });

        Assert.True(joinElsewhere.Count == Expected.JoinElsewhere, Describe("join on another instance and the creator's instance hearing of it", Expected.JoinElsewhere, joinElsewhere));
        Assert.True(releaseElsewhere.Count == Expected.ReleaseElsewhere, Describe("release on another instance and the creator's instance hearing of it", Expected.ReleaseElsewhere, releaseElsewhere));
    }

    private protected abstract IStoreCalls Record();

    protected virtual Task WhenReadyAsync(TestHost host) => Task.CompletedTask;

    private static Task<IGameSeat> CreateAsync(TestHost host, string connection) => SeatAsync(host.Get<IGameCoordinator>().CreateGameAsync(
        new NewGameRequest(19, Ruleset.Japanese(), Color.Black, OpponentKind.Human), new SeatHolder(ConnectionKind.Socket, connection), Cancel));

    private static async Task<IGameSeat> SeatAsync(Task<SeatOutcome> outcome)
    {
        var result = await outcome;
        Assert.True(result.Success, result.ToString());
        return result.Seat!;
    }

    private static string Describe(string operation, int expected, IReadOnlyList<string> calls) =>
        $"{operation}: {calls.Count} calls, expected {expected}\n{string.Join("\n", calls)}";

    protected sealed record SetupCalls(int Create, int Join, int Release, int JoinElsewhere, int ReleaseElsewhere);
}

/// <summary>
/// On PostgreSQL each call is a round trip. A create, a join and a release are one each: one batch of the group commit,
/// commit included. A join elsewhere takes the key (1) and reads the game with its chat and spectators (1), and the
/// creator's instance re-reads who is connected when it hears of it (1); a release elsewhere is the release (1) and that
/// re-read (1).
/// </summary>
[Trait("Category", "Data")]
public sealed class PostgresSetupRoundTripTests(PostgresStore store) : SetupRoundTripTests<PostgresStore>(store), IClassFixture<PostgresStore>
{
    protected override SetupCalls Expected { get; } = new(Create: 1, Join: 1, Release: 1, JoinElsewhere: 3, ReleaseElsewhere: 2);

    private protected override IStoreCalls Record() => new NpgsqlRoundTrips(new NpgsqlConnectionStringBuilder(Store.ConnectionString).Database!);

    protected override Task WhenReadyAsync(TestHost host) => PostgresEventBusTests.WaitUntilListeningAsync(host);
}

/// <summary>
/// SQLite runs in the process: each call is a statement it runs, BEGIN and COMMIT included. A create is one transaction
/// of three inserts (the game, its two keys); a join or a release one transaction of five statements (find the key's
/// game, lock its row, change the key, start or stop the clock, read back the game with its keys). A join elsewhere adds
/// the game's load (four reads) and the creator's instance's re-read of who is connected (one); a release elsewhere adds
/// that re-read.
/// </summary>
[Trait("Category", "Data")]
public sealed class SqliteSetupRoundTripTests(SqliteStore store) : SetupRoundTripTests<SqliteStore>(store), IClassFixture<SqliteStore>
{
    protected override SetupCalls Expected { get; } = new(Create: 5, Join: 7, Release: 7, JoinElsewhere: 13, ReleaseElsewhere: 8);

    private protected override IStoreCalls Record() => new SqliteCalls(Store.Folder);
}
