namespace Igo.Data.Presence;

/// <summary>The presence lease under <c>Igo:Presence</c> (docs/decisions/0001-presence-lease.md).</summary>
public sealed class PresenceOptions
{
    public const string Section = "Igo:Presence";

    /// <summary>How long an instance's claim on its keys lasts without a heartbeat.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often an instance renews its lease and looks for expired ones. Well under <see cref="Lease"/>.</summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Judge other instances from the start, without first renewing this instance's own lease for a whole lease period.
    /// The grace exists because an outage of a shared database makes every lease look expired at once; it is not needed
    /// where the store is a local file (the embedded SQLite default), and without it keys that a crashed earlier run
    /// of the app left held are free as soon as that run's lease has run out.
    /// </summary>
    public bool SweepWithoutGrace { get; set; }
}
