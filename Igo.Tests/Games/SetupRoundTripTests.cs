using Igo.Domain;
using Igo.Tests.Data;
using Igo.Web.Games;
using Npgsql;

namespace Igo.Tests.Games;

/// <summary>
/// Game setup on PostgreSQL takes a small, fixed number of round trips (docs/BENCHMARKS.md, "Game setup"): creating,
/// joining a game held on the same instance, and releasing one each. Joining on an instance that does not hold the game
/// yet takes two (take the key, then read the game); and a key change made on another instance costs each instance
/// holding the game one more, to re-read who is connected.
/// </summary>
[Trait("Category", "Data")]
public sealed class SetupRoundTripTests(PostgresStore store) : IClassFixture<PostgresStore>
{
    private static readonly Dictionary<string, string?> QuietLease = new() { ["Igo:Presence:Heartbeat"] = "00:01:00", ["Igo:Presence:Lease"] = "00:05:00" };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_join_and_release_take_one_round_trip_each_and_a_join_on_another_instance_two()
    {
        await using var a = await store.StartInstanceAsync(settings: QuietLease);
        await using var b = await store.StartInstanceAsync(settings: QuietLease);
        await PostgresEventBusTests.WaitUntilListeningAsync(a);
        await PostgresEventBusTests.WaitUntilListeningAsync(b);
        using var trips = new NpgsqlRoundTrips(new NpgsqlConnectionStringBuilder(store.ConnectionString).Database!);
        IGameSeat black = null!, white = null!;

        var create = await trips.DuringAsync(async () => black = await CreateAsync(a, "black"));
        var join = await trips.DuringAsync(async () =>
        {
            white = await SeatAsync(a.Get<IGameCoordinator>().JoinGameAsync(black.Keys.White, null, new SeatHolder(ConnectionKind.Socket, "white"), Cancel));
            Assert.Empty(await white.ChatThreadAsync(Cancel));
        });
        var release = await trips.DuringAsync(async () => await white.DisposeAsync());
        var releaseLast = await trips.DuringAsync(async () => await black.DisposeAsync());

        Assert.True(create.Count == 1, Describe("create", create));
        Assert.True(join.Count == 1, Describe("join on the creator's instance", join));
        Assert.True(release.Count == 1, Describe("release", release));
        Assert.True(releaseLast.Count == 1, Describe("release of the last seat", releaseLast));

        // A new game, so that no event of it published before B held it can still be on its way to B.
        await using var blackOnA = await CreateAsync(a, "black-2");
        var blackSees = new RecordingObserver();
        using var subscription = blackOnA.Subscribe(blackSees);
        IGameSeat whiteOnB = null!;
        var joinElsewhere = await trips.DuringAsync(async () =>
        {
            whiteOnB = await SeatAsync(b.Get<IGameCoordinator>().JoinGameAsync(blackOnA.Keys.White, null, new SeatHolder(ConnectionKind.Socket, "white-2"), Cancel));
            Assert.Empty(await whiteOnB.ChatThreadAsync(Cancel));
            await blackSees.WaitForAsync<RecordingObserver.Presence>(p => p.Connected);
        });
        var releaseElsewhere = await trips.DuringAsync(async () =>
        {
            await whiteOnB.DisposeAsync();
            await blackSees.WaitForAsync<RecordingObserver.Presence>(p => !p.Connected);
        });

        Assert.True(joinElsewhere.Count == 3, Describe("join on another instance (2) and the creator's instance hearing of it (1)", joinElsewhere));
        Assert.True(releaseElsewhere.Count == 2, Describe("release on another instance (1) and the creator's instance hearing of it (1)", releaseElsewhere));
    }

    private static Task<IGameSeat> CreateAsync(TestHost host, string connection) => SeatAsync(host.Get<IGameCoordinator>().CreateGameAsync(
        new NewGameRequest(19, Ruleset.Japanese(), Color.Black, OpponentKind.Human), new SeatHolder(ConnectionKind.Socket, connection), Cancel));

    private static async Task<IGameSeat> SeatAsync(Task<SeatOutcome> outcome)
    {
        var result = await outcome;
        Assert.True(result.Success, result.ToString());
        return result.Seat!;
    }

    private static string Describe(string operation, IReadOnlyList<string> roundTrips) =>
        $"{operation}: {roundTrips.Count} round trips\n{string.Join("\n", roundTrips)}";
}
