namespace Igo.Data.Presence;

/// <summary>Finds other instances that are gone although their lease has not run out yet.</summary>
public interface IInstanceLossDetector
{
    /// <summary>Called on every heartbeat; returns each gone instance once.</summary>
    Task<IReadOnlyList<Guid>> FindLostAsync(CancellationToken cancellationToken);
}

/// <summary>The embedded SQLite store serves one process: there is no one else to lose, and only the lease applies.</summary>
internal sealed class NoInstanceLossDetector : IInstanceLossDetector
{
    public Task<IReadOnlyList<Guid>> FindLostAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Guid>>([]);
}
