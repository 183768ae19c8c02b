using Igo.Data.Events;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Igo.Data.Presence;

/// <summary>
/// On PostgreSQL: finds instances whose listener lock is gone and whose lease stopped being renewed
/// (<see cref="LockLossWatch"/>), one round trip per heartbeat (docs/decisions/0007-listener-lock.md).
/// </summary>
internal sealed class ListenerLockDetector(
    NpgsqlDataSource dataSource,
    PostgresGameEventBus bus,
    IgoInstance instance,
    TimeProvider time,
    IOptions<PresenceOptions> presence,
    IOptions<EventBusOptions> events) : IInstanceLossDetector
{
    /// <summary>
    /// Looks come one heartbeat apart, and a live instance renews its lease once a heartbeat. One and a half heartbeats
    /// make the second look after the first sighting decide (a tick a little early or late does not change that), so a
    /// live instance would have to miss two renewals in a row, while its listener is down, to be taken for gone; and
    /// never less than a second, which a renewal on a busy machine (a GC pause, a thread pool slow to grow) can be late by.
    /// </summary>
    private readonly LockLossWatch watch = new(TimeSpan.FromTicks(Math.Max((presence.Value.Heartbeat * 1.5).Ticks, TimeSpan.TicksPerSecond)));

    /// <summary>
    /// How long this instance's own listener must have held its lock before it judges others. When the server restarts
    /// every lock is free at once, and each instance's listener comes back within its reconnect back-off (at most
    /// <see cref="EventBusOptions.ReconnectMaxDelay"/>) and its lease within a heartbeat or two.
    /// </summary>
    private readonly TimeSpan settle = events.Value.ReconnectMaxDelay + (presence.Value.Heartbeat * 2);

    public async Task<IReadOnlyList<Guid>> FindLostAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (bus.ListeningSince is not { } since || now - since < settle)
        {
            watch.Forget();
            return [];
        }

        return watch.Observe(now, await LookAsync(cancellationToken));
    }

    private async Task<List<InstanceLook>> LookAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                // xmin changes with every renewal: a version of the lease row that needs no clock.
                new NpgsqlBatchCommand("SELECT id, xmin::text FROM instances WHERE id <> $1") { Parameters = { new NpgsqlParameter { Value = instance.Id } } },
                new NpgsqlBatchCommand(PresenceLock.HeldKeysSql),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(Guid Id, string Version)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetGuid(0), reader.GetString(1)));
        }

        await reader.NextResultAsync(cancellationToken);
        var held = new HashSet<long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            held.Add(reader.GetInt64(0));
        }

        return [.. rows.Select(row => new InstanceLook(row.Id, row.Version, held.Contains(PresenceLock.Key(row.Id))))];
    }
}
