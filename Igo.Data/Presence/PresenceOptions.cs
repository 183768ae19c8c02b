namespace Igo.Data.Presence;

/// <summary>
/// The presence lease under <c>Igo:Presence</c> (docs/decisions/0001-presence-lease.md) and the listener lock that
/// lets a crashed instance be noticed before its lease runs out (docs/decisions/0007-listener-lock.md).
/// </summary>
public sealed class PresenceOptions
{
    public const string Section = "Igo:Presence";

    /// <summary>How long an instance's claim on its keys lasts without a heartbeat.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How often an instance renews its lease and looks for instances that are gone: leases that expired, and (on
    /// PostgreSQL) listener locks that were released. At most half of <see cref="Lease"/>. A crashed instance is
    /// noticed one to two heartbeats after its connections die; each heartbeat costs an instance an UPDATE and a look
    /// at <c>pg_locks</c>.
    /// </summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Judge other instances from the start, without first renewing this instance's own lease for a whole lease period.
    /// The grace exists because an outage of a shared database makes every lease look expired at once; it is not needed
    /// where the store is a local file (the embedded SQLite default), and without it keys that a crashed earlier run
    /// of the app left held are free as soon as that run's lease has run out.
    /// </summary>
    public bool SweepWithoutGrace { get; set; }
}
