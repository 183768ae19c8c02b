namespace Igo.Data.Model;

/// <summary>
/// A running app instance and its presence lease. Keys held by an instance whose lease has expired are released by
/// any live instance (docs/decisions/0001-presence-lease.md).
/// </summary>
public sealed class InstanceRecord
{
    public Guid Id { get; set; }

    public required string HostName { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset HeartbeatAt { get; set; }

    public DateTimeOffset LeaseExpiresAt { get; set; }
}
