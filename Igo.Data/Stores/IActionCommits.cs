namespace Igo.Data.Stores;

/// <summary>
/// Where the group commit sends its groups of writes (<see cref="GameStore"/>). An interface so that a test can stand
/// between the writer and the store, for example to lose the answer of a transaction that PostgreSQL did commit.
/// </summary>
public interface IActionCommits
{
    /// <summary>
    /// Commits the writes in one transaction, results in the order given. Throws when the store cannot be reached:
    /// then nothing or everything of the group may have been committed, and the callers must re-read to know.
    /// </summary>
    Task<IReadOnlyList<WriteResult>> CommitAsync(IReadOnlyList<StoreWrite> writes, CancellationToken cancellationToken);
}
