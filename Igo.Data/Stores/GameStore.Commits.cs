using Igo.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Igo.Data.Stores;

/// <summary>Committing accepted actions, many games per transaction (docs/decisions/0003-group-commit.md).</summary>
public sealed partial class GameStore
{
    /// <summary>
    /// Commits the actions in one transaction, each with its own version and holder check, so one conflict fails only
    /// its own action. Games are locked in id order, so two instances committing overlapping batches cannot deadlock.
    /// Results are in the order of <paramref name="commits"/>. Throws when the store cannot be reached
    /// (nothing committed, unless the connection died just after PostgreSQL committed: see <see cref="IActionCommits"/>).
    /// </summary>
    public async Task<IReadOnlyList<CommitResult>> CommitActionsAsync(IReadOnlyList<ActionCommit> commits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commits);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            return await PostgresActionCommits.CommitAsync((Npgsql.NpgsqlConnection)db.Database.GetDbConnection(), commits, cancellationToken);
        }

        var results = new CommitResult[commits.Count];
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var index in Enumerable.Range(0, commits.Count).OrderBy(i => commits[i].GameId))
        {
            results[index] = await CommitOneAsync(db, commits[index], cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    private static async Task<CommitResult> CommitOneAsync(IgoDbContext db, ActionCommit commit, CancellationToken cancellationToken)
    {
        var holder = commit.Holder;
        var updated = await db.Games
            .Where(g => g.Id == commit.GameId && g.Version == commit.ExpectedVersion
                && db.PlayerKeys.Any(k => k.Key == commit.ActorKey && k.HeldByInstance == holder.Instance && k.HeldByConnection == holder.ConnectionId))
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(g => g.Version, commit.ExpectedVersion + 1)
                    .SetProperty(g => g.Status, commit.StatusAfter)
                    .SetProperty(g => g.ResultType, commit.ResultAfter == null ? null : commit.ResultAfter.Type)
                    .SetProperty(g => g.Winner, commit.ResultAfter == null ? null : commit.ResultAfter.Winner)
                    .SetProperty(g => g.TimePlayedSeconds, commit.TimePlayedSeconds)
                    .SetProperty(g => g.ClockRunningSince, commit.Now)
                    .SetProperty(g => g.UpdatedAt, commit.Now),
                cancellationToken);
        if (updated == 1)
        {
            db.Actions.Add(ActionRecord.From(commit.GameId, commit.ExpectedVersion + 1, commit.Action));
            return CommitResult.Committed;
        }

        var version = await db.Games.Where(g => g.Id == commit.GameId).Select(g => (int?)g.Version).SingleOrDefaultAsync(cancellationToken);
        return version == commit.ExpectedVersion ? CommitResult.NotHolder : CommitResult.VersionConflict;
    }
}
