using Igo.Data;
using Igo.Data.Events;
using Igo.Data.Stores;
using Igo.Domain;
using Igo.Testing.Waiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Igo.Tests.Data;

/// <summary>Keys held by an instance that stopped renewing its lease are released by a live one, and opponents are told.</summary>
public abstract class PresenceLeaseTests<TStore>(TStore store)
    where TStore : IStoreFixture
{
    /// <summary>TestHost's lease and heartbeat.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(1.5);
    protected static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(0.25);

    protected TStore Store => store;

    /// <summary>Instances on one fake clock: their leases run out only when the test moves the clock.</summary>
    protected Task<TestHost> StartOnAsync(FakeTimeProvider clock, IDictionary<string, string?>? settings = null) =>
        store.StartInstanceAsync(services => services.AddSingleton<TimeProvider>(clock), settings);

    /// <summary>
    /// Moves the clock through <paramref name="leases"/> whole leases one heartbeat at a time, and after each step waits
    /// until every instance has renewed at the new time: each has had its chance to renew and to sweep at every step,
    /// as on a machine that keeps up, however slowly the test machine runs.
    /// </summary>
    protected static async Task LiveThroughLeasesAsync(FakeTimeProvider clock, int leases, params TestHost[] instances)
    {
        for (var step = 0; step < leases * (Lease / Heartbeat); step++)
        {
            clock.Advance(Heartbeat);
            var now = StoreTime.Now(clock);
            foreach (var instance in instances)
            {
                await Eventually.QueriesAsync(
                    () => HeartbeatOfAsync(instance),
                    heartbeat => heartbeat >= now,
                    TestContext.Current.CancellationToken,
                    awaited: $"instance {instance.InstanceId} to renew its lease at {now:O}");
            }
        }
    }

    internal static async Task<(long GameId, string Key)> CreateHeldGameAsync(TestHost host)
    {
        var key = Guid.NewGuid().ToString("N")[..10];
        var gameId = await host.Get<GameStore>().CreateGameAsync(
            new NewGame(9, Ruleset.Japanese(), key, Guid.NewGuid().ToString("N")[..10], Color.Black, new KeyHolder(host.InstanceId, "c1"), null, null, DateTimeOffset.UtcNow),
            TestContext.Current.CancellationToken);
        return (gameId, key);
    }

    private static async Task<DateTimeOffset?> HeartbeatOfAsync(TestHost instance)
    {
        await using var db = await instance.Get<IDbContextFactory<IgoDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var row = await db.Instances.SingleOrDefaultAsync(i => i.Id == instance.InstanceId, TestContext.Current.CancellationToken);
        return row?.HeartbeatAt;
    }
}

[Trait("Category", "Data")]
public sealed class PostgresPresenceLeaseTests(PostgresStore store) : PresenceLeaseTests<PostgresStore>(store), IClassFixture<PostgresStore>
{
    [Fact]
    public async Task A_dead_instance_s_keys_are_released_within_the_lease_and_the_opponent_hears_of_it()
    {
        await using var survivor = await Store.StartInstanceAsync();
        var dead = await Store.StartInstanceAsync();
        var (gameId, key) = await CreateHeldGameAsync(dead);
        var recorder = new EventRecorder();
        using var subscription = survivor.Get<IGameEventBus>().Subscribe(gameId, recorder.Record);
        await PostgresEventBusTests.WaitUntilListeningAsync(survivor);

        await dead.CrashAsync();

        var presence = await recorder.NextAsync<PresenceChanged>();
        Assert.Equal(new PresenceChanged(gameId, 0, dead.InstanceId, Color.Black, Connected: false), presence);
        var row = await survivor.Get<GameStore>().FindKeyAsync(key, TestContext.Current.CancellationToken);
        Assert.Null(row!.HeldByInstance);
        Assert.Null((await survivor.Get<GameStore>().LoadPresenceAsync(gameId, TestContext.Current.CancellationToken))!.ClockRunningSince);
    }

    [Fact]
    public async Task A_live_instance_keeps_its_keys_however_long_it_runs()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var a = await StartOnAsync(clock);
        await using var b = await StartOnAsync(clock);
        var (_, key) = await CreateHeldGameAsync(a);

        await LiveThroughLeasesAsync(clock, leases: 3, a, b); // past B's grace of one lease, then sweeping at every heartbeat

        Assert.Equal(a.InstanceId, (await b.Get<GameStore>().FindKeyAsync(key, TestContext.Current.CancellationToken))!.HeldByInstance);
    }

    [Fact]
    public async Task A_clean_stop_releases_the_instance_s_keys_at_once()
    {
        await using var survivor = await Store.StartInstanceAsync(settings: new Dictionary<string, string?> { ["Igo:Presence:Lease"] = "00:10:00" });
        var leaving = await Store.StartInstanceAsync();
        var (_, key) = await CreateHeldGameAsync(leaving);

        await leaving.DisposeAsync();

        Assert.Null((await survivor.Get<GameStore>().FindKeyAsync(key, TestContext.Current.CancellationToken))!.HeldByInstance);
    }
}

[Trait("Category", "Data")]
public sealed class SqlitePresenceLeaseTests(SqliteStore store) : PresenceLeaseTests<SqliteStore>(store), IClassFixture<SqliteStore>
{
    [Fact]
    public async Task Keys_left_held_by_a_crashed_previous_run_are_released_once_its_lease_runs_out()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var previous = await StartOnAsync(clock);
        var (_, key) = await CreateHeldGameAsync(previous);
        await previous.CrashAsync();

        await using var next = await StartOnAsync(clock, new Dictionary<string, string?> { ["Igo:Presence:Lease"] = "00:10:00" });
        Assert.Equal(previous.InstanceId, (await next.Get<GameStore>().FindKeyAsync(key, TestContext.Current.CancellationToken))!.HeldByInstance);

        await LiveThroughLeasesAsync(clock, leases: 1, next); // to the end of the previous run's lease, not past it
        Assert.Equal(previous.InstanceId, (await next.Get<GameStore>().FindKeyAsync(key, TestContext.Current.CancellationToken))!.HeldByInstance);
        clock.Advance(Heartbeat);

        await Eventually.QueriesAsync(
            async () => (await next.Get<GameStore>().FindKeyAsync(key, TestContext.Current.CancellationToken))!.HeldByInstance,
            holder => holder is null,
            TestContext.Current.CancellationToken,
            awaited: "the previous run's key to be released");
    }

    [Fact]
    public async Task A_second_instance_on_the_same_file_leaves_a_live_instance_s_keys_alone()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var first = await StartOnAsync(clock);
        var (_, key) = await CreateHeldGameAsync(first);

        await using var second = await StartOnAsync(clock);
        await LiveThroughLeasesAsync(clock, leases: 3, first, second);

        Assert.Equal(first.InstanceId, (await second.Get<GameStore>().FindKeyAsync(key, TestContext.Current.CancellationToken))!.HeldByInstance);
    }
}
