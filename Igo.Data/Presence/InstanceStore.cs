using Igo.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Igo.Data.Presence;

/// <summary>The instances table: each live instance's lease.</summary>
public sealed class InstanceStore(IDbContextFactory<IgoDbContext> contexts)
{
    /// <summary>Extends this instance's lease; false when its row was missing (first start, or a sweeper took its keys).</summary>
    public async Task<bool> RenewAsync(Guid instance, string hostName, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var renewed = await db.Instances
            .Where(i => i.Id == instance)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.HeartbeatAt, now).SetProperty(i => i.LeaseExpiresAt, now + lease), cancellationToken);
        if (renewed == 1)
        {
            return true;
        }

        db.Instances.Add(new InstanceRecord { Id = instance, HostName = hostName, StartedAt = now, HeartbeatAt = now, LeaseExpiresAt = now + lease });
        await db.SaveChangesAsync(cancellationToken);
        return false;
    }

    public async Task<IReadOnlyList<Guid>> ExpiredAsync(DateTimeOffset now, Guid except, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Instances.Where(i => i.LeaseExpiresAt < now && i.Id != except).Select(i => i.Id).ToListAsync(cancellationToken);
    }

    public async Task RemoveAsync(Guid instance, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Instances.Where(i => i.Id == instance).ExecuteDeleteAsync(cancellationToken);
    }
}
