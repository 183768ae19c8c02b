using System.Globalization;

namespace Igo.Data.Presence;

/// <summary>
/// The session-level advisory lock an instance holds on its listener connection while it runs
/// (docs/decisions/0007-listener-lock.md). PostgreSQL releases it the moment that connection's session ends, which
/// for a killed process is at once: the kernel closes its sockets.
/// </summary>
public static class PresenceLock
{
    /// <summary>
    /// The lock's key: the first 64 bits of the instance id. Instance ids are random, so two live instances share a key
    /// with odds of about n² in 2⁶⁵.
    /// </summary>
    public static long Key(Guid instance) => long.Parse(instance.ToString("N")[..16], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    /// <summary>Takes the lock without waiting: true when this session now holds it.</summary>
    internal const string TrySql = "SELECT pg_try_advisory_lock($1)";

    /// <summary>
    /// The keys of the single-key advisory locks held in this database (<c>pg_locks</c> shows a bigint key as its high
    /// and low halves).
    /// </summary>
    internal const string HeldKeysSql =
        "SELECT (classid::bigint << 32) | objid::bigint FROM pg_locks " +
        "WHERE locktype = 'advisory' AND granted AND objsubid = 1 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";
}
