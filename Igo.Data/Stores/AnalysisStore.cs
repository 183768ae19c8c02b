using System.Globalization;
using Igo.Data.Model;
using Igo.Domain;
using Microsoft.EntityFrameworkCore;

namespace Igo.Data.Stores;

/// <summary>A game's engine review as stored: null leads while it is being made, or when it could not be made (<see cref="Done"/>).</summary>
public sealed record StoredAnalysis(bool Done, string? Engine, IReadOnlyList<double>? Leads);

/// <summary>
/// The engine reviews of finished games. Each is made once: an instance claims a game before it works on it, and
/// refreshes its claim as it goes; a claim left unrefreshed (its instance died) is taken over by another. A claim is
/// decided under the game row's lock, so two instances never both hold one.
/// </summary>
public sealed class AnalysisStore(IDbContextFactory<IgoDbContext> contexts)
{
    /// <summary>The most recently finished games with no review done and no live claim (claimed at or after <paramref name="staleBefore"/>), at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<long>> NextToAnalyseAsync(DateTimeOffset staleBefore, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Games.AsNoTracking()
            .Where(g => g.Status == GameStatus.Complete
                && !db.GameAnalyses.Any(a => a.GameId == g.Id && (a.CompletedAt != null || a.ClaimedAt >= staleBefore)))
            .OrderByDescending(g => g.UpdatedAt)
            .Select(g => g.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Claims the game's review for <paramref name="instance"/>: true when nobody had claimed it, or when its claim
    /// was last refreshed before <paramref name="staleBefore"/> and the review is not done.
    /// </summary>
    public async Task<bool> TryClaimAsync(long gameId, Guid instance, DateTimeOffset now, DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // A no-op update takes the game row's lock (PostgreSQL) or the write lock (SQLite) until the commit.
        if (await db.Games.Where(g => g.Id == gameId).ExecuteUpdateAsync(set => set.SetProperty(g => g.Version, g => g.Version), cancellationToken) == 0)
        {
            return false;
        }

        var existing = await db.GameAnalyses.SingleOrDefaultAsync(a => a.GameId == gameId, cancellationToken);
        if (existing is null)
        {
            db.GameAnalyses.Add(new GameAnalysisRecord { GameId = gameId, ClaimedBy = instance, ClaimedAt = now });
        }
        else if (existing.CompletedAt is null && existing.ClaimedAt < staleBefore)
        {
            existing.ClaimedBy = instance;
            existing.ClaimedAt = now;
        }
        else
        {
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Keeps the claim alive; false when it is no longer this instance's (taken over, or done).</summary>
    public async Task<bool> RefreshClaimAsync(long gameId, Guid instance, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.GameAnalyses
            .Where(a => a.GameId == gameId && a.ClaimedBy == instance && a.CompletedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.ClaimedAt, now), cancellationToken) == 1;
    }

    /// <summary>Stores the review (null leads: it could not be made) if the claim is still this instance's; false otherwise.</summary>
    public async Task<bool> CompleteAsync(long gameId, Guid instance, string engine, IReadOnlyList<double>? leads, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(engine);
        var text = leads is null ? null : string.Join(',', leads.Select(lead => lead.ToString("R", CultureInfo.InvariantCulture)));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.GameAnalyses
            .Where(a => a.GameId == gameId && a.ClaimedBy == instance && a.CompletedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.CompletedAt, now).SetProperty(a => a.Engine, engine).SetProperty(a => a.Leads, text), cancellationToken) == 1;
    }

    /// <summary>The game's review, done or in the making; null when nobody has claimed it yet.</summary>
    public async Task<StoredAnalysis?> LoadAsync(long gameId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.GameAnalyses.AsNoTracking().SingleOrDefaultAsync(a => a.GameId == gameId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var leads = row.Leads is null
            ? null
            : row.Leads.Length == 0 ? [] : row.Leads.Split(',').Select(value => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture)).ToList();
        return new StoredAnalysis(row.CompletedAt is not null, row.Engine, leads);
    }
}
