namespace Igo.Data.Presence;

/// <summary>An instance whose listener lock was free at one look, with the version of its lease row then.</summary>
public sealed record UnlockedInstance(Guid Id, string LeaseRowVersion);

/// <summary>
/// Decides from repeated looks at the listener locks which instances are gone. One whose lock was free at two looks at
/// least <paramref name="confirmAfter"/> apart, and whose lease row was not renewed in between, has lost its listener
/// connection and stopped renewing: its process is gone. A live instance whose listener is reconnecting goes on
/// renewing its lease (through its pool) and is left alone, and so is one whose lock is held again.
/// </summary>
public sealed class LockLossWatch(TimeSpan confirmAfter)
{
    private readonly Dictionary<Guid, (DateTimeOffset At, string Version)> firstSeenUnlocked = [];

    /// <summary>Takes one look (the instances without a lock now); returns those now known to be gone, once each.</summary>
    public IReadOnlyList<Guid> Observe(DateTimeOffset now, IReadOnlyCollection<UnlockedInstance> unlocked)
    {
        ArgumentNullException.ThrowIfNull(unlocked);
        var stillUnlocked = unlocked.Select(u => u.Id).ToHashSet();
        foreach (var id in firstSeenUnlocked.Keys.Where(id => !stillUnlocked.Contains(id)).ToList())
        {
            firstSeenUnlocked.Remove(id);
        }

        var gone = new List<Guid>();
        foreach (var instance in unlocked)
        {
            if (!firstSeenUnlocked.TryGetValue(instance.Id, out var first) || first.Version != instance.LeaseRowVersion)
            {
                firstSeenUnlocked[instance.Id] = (now, instance.LeaseRowVersion);
            }
            else if (now - first.At >= confirmAfter)
            {
                gone.Add(instance.Id);
                firstSeenUnlocked.Remove(instance.Id);
            }
        }

        return gone;
    }

    /// <summary>Drops every sighting: this instance cannot judge right now, and earlier looks must not count later.</summary>
    public void Forget() => firstSeenUnlocked.Clear();
}
