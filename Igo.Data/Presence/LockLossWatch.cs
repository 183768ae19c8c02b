namespace Igo.Data.Presence;

/// <summary>One other instance at one look: its lease row's version then, and whether its listener lock was held.</summary>
public sealed record InstanceLook(Guid Id, string LeaseRowVersion, bool Locked);

/// <summary>
/// Decides from repeated looks at the listener locks which instances are gone. One whose lock this watch has seen held,
/// and then free at two looks at least <paramref name="confirmAfter"/> apart with its lease row not renewed in between,
/// has lost its listener connection and stopped renewing: its process is gone. A live instance whose listener is
/// reconnecting goes on renewing its lease (through its pool) and is left alone, and so is one that has not taken its
/// lock yet (it is starting) or whose lock is held again. The lease judges whatever this watch leaves alone.
/// </summary>
public sealed class LockLossWatch(TimeSpan confirmAfter)
{
    private readonly HashSet<Guid> seenLocked = [];
    private readonly Dictionary<Guid, (DateTimeOffset At, string Version)> firstSeenUnlocked = [];

    /// <summary>Takes one look at the other instances; returns those now known to be gone, once each.</summary>
    public IReadOnlyList<Guid> Observe(DateTimeOffset now, IReadOnlyCollection<InstanceLook> instances)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var present = instances.Select(i => i.Id).ToHashSet();
        seenLocked.RemoveWhere(id => !present.Contains(id));
        foreach (var id in firstSeenUnlocked.Keys.Where(id => !present.Contains(id)).ToList())
        {
            firstSeenUnlocked.Remove(id);
        }

        var gone = new List<Guid>();
        foreach (var instance in instances)
        {
            if (instance.Locked)
            {
                seenLocked.Add(instance.Id);
                firstSeenUnlocked.Remove(instance.Id);
            }
            else if (!seenLocked.Contains(instance.Id))
            {
                continue;
            }
            else if (!firstSeenUnlocked.TryGetValue(instance.Id, out var first) || first.Version != instance.LeaseRowVersion)
            {
                firstSeenUnlocked[instance.Id] = (now, instance.LeaseRowVersion);
            }
            else if (now - first.At >= confirmAfter)
            {
                gone.Add(instance.Id);
                firstSeenUnlocked.Remove(instance.Id);
                seenLocked.Remove(instance.Id);
            }
        }

        return gone;
    }

    /// <summary>
    /// Drops every sighting of a free lock: this instance cannot judge right now, and earlier looks must not count later.
    /// Which instances were seen locked is kept: it says only that they were once up.
    /// </summary>
    public void Forget() => firstSeenUnlocked.Clear();
}
