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
    /// Release keys held by every other instance at start, without waiting for their leases. Right only where this
    /// instance is the store's only user (the embedded SQLite file): then any other holder is a previous run of the app.
    /// </summary>
    public bool ReleaseOthersAtStart { get; set; }
}
