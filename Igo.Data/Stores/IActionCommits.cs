namespace Igo.Data.Stores;

/// <summary>
/// Where the group commit sends its batches (<see cref="GameStore"/>). An interface so that a test can stand between the
/// writer and the store, for example to lose the answer of a transaction that PostgreSQL did commit.
/// </summary>
public interface IActionCommits
{
    /// <summary>
    /// Commits the actions in one transaction, results in the order given. Throws when the store cannot be reached:
    /// then nothing or everything of the batch may have been committed, and the callers must re-read to know.
    /// </summary>
    Task<IReadOnlyList<CommitResult>> CommitActionsAsync(IReadOnlyList<ActionCommit> commits, CancellationToken cancellationToken);
}
