using System.Diagnostics;
using Igo.Data.Configuration;
using Igo.Data.Events;
using Igo.Data.Presence;
using Igo.Data.Stores;
using Igo.Domain;
using Igo.Testing.Waiting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Igo.Tests.Data;

/// <summary>
/// Each instance holds a session-level advisory lock on its listener connection; another instance that sees the lock
/// free while the lease row stands still releases the instance's keys long before its lease runs out
/// (docs/decisions/0007-listener-lock.md).
/// </summary>
[Trait("Category", "Data")]
public sealed class ListenerLockTests(PostgresStore store) : IClassFixture<PostgresStore>
{
    /// <summary>Leases that never run out during a test: whatever frees keys here is the lock.</summary>
    private static readonly Dictionary<string, string?> LongLease = new() { ["Igo:Presence:Lease"] = "00:10:00" };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_listener_holds_the_instance_s_lock_and_takes_it_again_after_its_connection_is_killed()
    {
        await using var host = await store.StartInstanceAsync();
        var first = await WaitForLockHolderAsync(host.InstanceId, except: null);
        Assert.Equal(PostgresConnections.ListenerApplicationName(host.InstanceId), first.ApplicationName);

        await TerminateAsync(first.ProcessId);

        var second = await WaitForLockHolderAsync(host.InstanceId, except: first.ProcessId);
        Assert.Equal(PostgresConnections.ListenerApplicationName(host.InstanceId), second.ApplicationName);
    }

    [Fact]
    public async Task A_crashed_instance_s_keys_are_released_within_seconds_though_its_lease_has_ten_minutes_to_run()
    {
        await using var survivor = await store.StartInstanceAsync(settings: LongLease);
        var dead = await store.StartInstanceAsync(settings: LongLease);
        var (gameId, key) = await PresenceLeaseTests<PostgresStore>.CreateHeldGameAsync(dead);
        var recorder = new EventRecorder();
        using var subscription = survivor.Get<IGameEventBus>().Subscribe(gameId, recorder.Record);
        await WaitForLockHolderAsync(dead.InstanceId, except: null);
        await WaitUntilJudgingAsync(survivor);
        await WaitForALookAsync(survivor);

        await dead.CrashAsync();
        var sinceCrash = Stopwatch.StartNew();

        Assert.Equal(new PresenceChanged(gameId, 0, dead.InstanceId, Color.Black, Connected: false), await recorder.NextAsync<PresenceChanged>());
        Assert.True(sinceCrash.Elapsed < TimeSpan.FromSeconds(5), $"released after {sinceCrash.Elapsed.TotalSeconds:F1} s");
        Assert.Null((await survivor.Get<GameStore>().FindKeyAsync(key, Cancel))!.HeldByInstance);
    }

    [Fact]
    public async Task A_live_instance_whose_listener_is_slow_to_come_back_keeps_its_keys()
    {
        // A heartbeat of 1 s: the watcher takes an instance for gone after 1.5 s without its lock or a renewal, and a
        // CPU shared with the rest of the suite does not stall a renewal that long.
        var watching = new Dictionary<string, string?>(LongLease) { ["Igo:Presence:Heartbeat"] = "00:00:01" };
        var slowListener = new Dictionary<string, string?>(watching)
        {
            ["Igo:Events:ReconnectMinDelay"] = "00:00:04",
            ["Igo:Events:ReconnectMaxDelay"] = "00:00:04",
        };
        await using var watcher = await store.StartInstanceAsync(settings: watching);
        await using var holder = await store.StartInstanceAsync(settings: slowListener);
        var (_, key) = await PresenceLeaseTests<PostgresStore>.CreateHeldGameAsync(holder);
        var before = await WaitForLockHolderAsync(holder.InstanceId, except: null);
        await WaitUntilJudgingAsync(watcher);

        // Four seconds without its lock, four of the watcher's looks, while it goes on renewing its lease.
        await TerminateAsync(before.ProcessId);
        await WaitForLockHolderAsync(holder.InstanceId, except: before.ProcessId);

        Assert.Equal(holder.InstanceId, (await watcher.Get<GameStore>().FindKeyAsync(key, Cancel))!.HeldByInstance);
    }

    [Fact]
    public async Task While_another_session_holds_its_lock_an_instance_does_not_listen_and_it_listens_once_the_lock_is_free()
    {
        var id = Guid.NewGuid();
        await using var other = new NpgsqlConnection(store.ConnectionString);
        await other.OpenAsync(Cancel);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock($1)", other))
        {
            take.Parameters.Add(new NpgsqlParameter { Value = PresenceLock.Key(id) });
            await take.ExecuteNonQueryAsync(Cancel);
        }

        await using var host = await store.StartInstanceAsync(instanceId: id);
        var bus = host.Get<PostgresGameEventBus>();
        var watching = Stopwatch.StartNew();
        while (watching.Elapsed < TimeSpan.FromSeconds(2))
        {
            Assert.False(bus.IsListening, "listening without its presence lock");
            await Task.Delay(50, Cancel);
        }

        await other.DisposeAsync();

        var holder = await WaitForLockHolderAsync(id, except: null);
        Assert.Equal(PostgresConnections.ListenerApplicationName(id), holder.ApplicationName);
        await PostgresEventBusTests.WaitUntilListeningAsync(host);
    }

    /// <summary>
    /// An instance judges others only once its own listener has held its lock for its reconnect back-off and two
    /// heartbeats (after a server restart every lock is free until each listener is back), and only those it has seen
    /// holding their lock: one heartbeat more lets it look at the instances already up.
    /// </summary>
    private static async Task WaitUntilJudgingAsync(TestHost host)
    {
        var heartbeat = host.Get<IOptions<PresenceOptions>>().Value.Heartbeat;
        var settle = host.Get<IOptions<EventBusOptions>>().Value.ReconnectMaxDelay + (heartbeat * 3);
        var bus = host.Get<PostgresGameEventBus>();
        var clock = host.Get<TimeProvider>();
        await Eventually.ObservesAsync(
            () => bus.ListeningSince,
            since => since is { } listening && clock.GetUtcNow() - listening > settle,
            Cancel,
            EventRecorder.Deadline,
            $"the instance's listener to have listened for {settle.TotalSeconds} s (listening since)");
    }

    /// <summary>
    /// Waits until the instance has looked at the locks once since now. Each heartbeat renews its lease, then looks: a
    /// second renewal from now means the look after the first is done. Without it a crash right after the other
    /// instance took its lock could come before any look saw the lock held, on a machine busy enough to make a heartbeat
    /// late (it did in CI), and such an instance is left to its lease.
    /// </summary>
    private async Task WaitForALookAsync(TestHost host)
    {
        await using var connection = new NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync(Cancel);
        var versions = new HashSet<string>();
        await Eventually.QueriesAsync(
            async () =>
            {
                await using var query = new NpgsqlCommand("SELECT xmin::text FROM instances WHERE id = $1", connection);
                query.Parameters.Add(new NpgsqlParameter { Value = host.InstanceId });
                versions.Add((string)(await query.ExecuteScalarAsync(Cancel))!);
                return versions.Count;
            },
            seen => seen >= 3,
            Cancel,
            EventRecorder.Deadline,
            "two renewals of the instance's lease");
    }

    /// <summary>Waits until a session holds the instance's lock (another than <paramref name="except"/>): its process id and application name.</summary>
    private async Task<(int ProcessId, string ApplicationName)> WaitForLockHolderAsync(Guid instance, int? except)
    {
        await using var connection = new NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync(Cancel);
        var holder = await Eventually.QueriesAsync(
            async () =>
            {
                await using var query = new NpgsqlCommand(
                    "SELECT a.pid, a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid " +
                    "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 AND ((l.classid::bigint << 32) | l.objid::bigint) = $1",
                    connection);
                query.Parameters.Add(new NpgsqlParameter { Value = PresenceLock.Key(instance) });
                await using var reader = await query.ExecuteReaderAsync(Cancel);
                return await reader.ReadAsync(Cancel) ? (ProcessId: reader.GetInt32(0), ApplicationName: reader.GetString(1)) : ((int ProcessId, string ApplicationName)?)null;
            },
            session => session is { } held && held.ProcessId != except,
            Cancel,
            EventRecorder.Deadline,
            $"a session other than {except} to take the instance's lock");
        return holder!.Value;
    }

    private async Task TerminateAsync(int processId)
    {
        await using var connection = new NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend($1)", connection);
        kill.Parameters.Add(new NpgsqlParameter { Value = processId });
        Assert.True((bool)(await kill.ExecuteScalarAsync(Cancel))!);
    }
}
