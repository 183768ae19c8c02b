using Igo.Data.Events;
using Igo.Data.Stores;
using Igo.Domain;

namespace Igo.Tests.Data;

/// <summary>Keys held by an instance that stopped renewing its lease are released by a live one, and opponents are told.</summary>
public abstract class PresenceLeaseTests<TStore>(TStore store)
    where TStore : IStoreFixture
{
    protected TStore Store => store;

    internal static async Task<(long GameId, string Key)> CreateHeldGameAsync(TestHost host)
    {
        var key = Guid.NewGuid().ToString("N")[..10];
        var gameId = await host.Get<GameStore>().CreateGameAsync(
            new NewGame(9, Ruleset.Japanese(), key, Guid.NewGuid().ToString("N")[..10], Color.Black, new KeyHolder(host.InstanceId, "c1"), null, null, DateTimeOffset.UtcNow),
            TestContext.Current.CancellationToken);
        return (gameId, key);
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
        await using var a = await Store.StartInstanceAsync();
        await using var b = await Store.StartInstanceAsync();
        var (_, key) = await CreateHeldGameAsync(a);

        await Task.Delay(TimeSpan.FromSeconds(4), TestContext.Current.CancellationToken); // more than two leases of 1.5 s

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
        var previous = await Store.StartInstanceAsync();
        var (_, key) = await CreateHeldGameAsync(previous);
        await previous.CrashAsync();

        await using var next = await Store.StartInstanceAsync(settings: new Dictionary<string, string?> { ["Igo:Presence:Lease"] = "00:10:00" });

        var deadline = DateTime.UtcNow + EventRecorder.Deadline;
        while ((await next.Get<GameStore>().FindKeyAsync(key, TestContext.Current.CancellationToken))!.HeldByInstance is not null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the previous run's key was not released");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task A_second_instance_on_the_same_file_leaves_a_live_instance_s_keys_alone()
    {
        await using var first = await Store.StartInstanceAsync();
        var (_, key) = await CreateHeldGameAsync(first);

        await using var second = await Store.StartInstanceAsync();
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken); // two leases of 1.5 s

        Assert.Equal(first.InstanceId, (await second.Get<GameStore>().FindKeyAsync(key, TestContext.Current.CancellationToken))!.HeldByInstance);
    }
}
