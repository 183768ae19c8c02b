using System.Data.Common;
using Igo.Data.Events;
using Npgsql;

namespace Igo.Data.Configuration;

/// <summary>
/// The two kinds of connection an instance opens to PostgreSQL, made from the configured connection string: the pool
/// that every query shares (capped, so that a burst waits for a connection instead of exhausting the server), and the
/// listener's own connection outside it, which holds LISTEN and the instance's presence lock for as long as it lives.
/// Each is named after its instance (<c>application_name</c>), so <c>pg_stat_activity</c> tells instances apart.
/// A pool setting the connection string gives itself wins over the Igo:Data default.
/// </summary>
public sealed record PostgresConnections(string Pool, string Listener)
{
    public static string PoolApplicationName(Guid instance) => $"igo-{instance:N}";

    public static string ListenerApplicationName(Guid instance) => $"igo-listener-{instance:N}";

    public static PostgresConnections For(string configured, Guid instance, IgoDataOptions data, EventBusOptions events)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(events);

        // Npgsql writes every keyword it parsed under one canonical name; what the string sets is then a plain lookup.
        var pool = new NpgsqlConnectionStringBuilder(configured);
        var given = new DbConnectionStringBuilder { ConnectionString = pool.ConnectionString };
        if (!given.ContainsKey("Maximum Pool Size"))
        {
            pool.MaxPoolSize = data.MaxPoolSize;
        }

        if (!given.ContainsKey("Timeout"))
        {
            pool.Timeout = WholeSeconds(data.PoolWaitTimeout);
        }

        // The same few statements run for every action (the commit, the key checks, the NOTIFY batch): prepared once
        // per connection they skip PostgreSQL's parse and plan.
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("Auto Prepare Min Usages"))
        {
            pool.MaxAutoPrepare = 64;
            pool.AutoPrepareMinUsages = 2;
        }

        pool.ApplicationName = PoolApplicationName(instance);

        // Npgsql's own keepalive is off here: it times the wait for notifications out every few seconds and catches
        // the exception it threw. TCP keepalive probes come from the kernel instead.
        var listener = new NpgsqlConnectionStringBuilder(configured)
        {
            Pooling = false,
            KeepAlive = 0,
            TcpKeepAliveTime = WholeSeconds(events.KeepAlive),
            TcpKeepAliveInterval = WholeSeconds(events.KeepAliveInterval),
            ApplicationName = ListenerApplicationName(instance),
        };
        return new PostgresConnections(pool.ConnectionString, listener.ConnectionString);
    }

    /// <summary>Npgsql takes these durations in whole seconds; validation at start refuses any other.</summary>
    internal static bool IsWholeSeconds(TimeSpan value, int min, int max) =>
        value.Ticks % TimeSpan.TicksPerSecond == 0 && value.TotalSeconds >= min && value.TotalSeconds <= max;

    private static int WholeSeconds(TimeSpan value) => (int)value.TotalSeconds;
}
