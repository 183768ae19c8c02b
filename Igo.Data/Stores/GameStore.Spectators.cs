using Igo.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Igo.Data.Stores;

/// <summary>The store's side of watching: finding a game by its watch id, the spectators' chat, and their count.</summary>
public sealed partial class GameStore
{
    /// <summary>The game whose watch id this is; null when there is none (a malformed id is not looked up).</summary>
    public async Task<long?> FindWatchedGameAsync(string watchId, CancellationToken cancellationToken)
    {
        if (!WatchIds.IsWellFormed(watchId))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Games.AsNoTracking().Where(g => g.WatchId == watchId).Select(g => (long?)g.Id).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<SpectatorMessageRecord> AddSpectatorMessageAsync(long gameId, string name, string text, DateTimeOffset now, CancellationToken cancellationToken) =>
        await AddUnderGameLockAsync(db => db.Games.Where(g => g.Id == gameId), now, new SpectatorMessageRecord { GameId = gameId, Name = name, Text = text, At = now }, cancellationToken)
        ?? throw new InvalidOperationException($"Game {gameId} is not in the store");

    public async Task<IReadOnlyList<SpectatorMessageRecord>> SpectatorMessagesAfterAsync(long gameId, long afterId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SpectatorMessages.AsNoTracking()
            .Where(m => m.GameId == gameId && m.Id > afterId)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Records how many spectators <paramref name="instance"/> has on the game (no row for none).</summary>
    public async Task SetSpectatorsAsync(long gameId, Guid instance, int count, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var changed = await db.GameSpectators
            .Where(s => s.GameId == gameId && s.InstanceId == instance)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Count, count), cancellationToken);
        if (changed == 0 && count > 0)
        {
            // Only this instance writes its own row, and it does so one change at a time: no insert can race this one.
            db.GameSpectators.Add(new GameSpectatorsRecord { GameId = gameId, InstanceId = instance, Count = count });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The spectators on every instance whose lease is current at <paramref name="now"/>, and the newest spectators' line.</summary>
    public async Task<SpectatorState> LoadSpectatorsAsync(long gameId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await SpectatorsAsync(db, gameId, now, cancellationToken);
    }

    private static async Task<SpectatorState> SpectatorsAsync(IgoDbContext db, long gameId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var count = await db.GameSpectators
            .Where(s => s.GameId == gameId && db.Instances.Any(i => i.Id == s.InstanceId && i.LeaseExpiresAt > now))
            .SumAsync(s => s.Count, cancellationToken);
        var last = await db.SpectatorMessages.Where(m => m.GameId == gameId).MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0;
        return new SpectatorState(count, last);
    }
}
