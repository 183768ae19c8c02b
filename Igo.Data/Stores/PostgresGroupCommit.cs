using Npgsql;

namespace Igo.Data.Stores;

/// <summary>
/// A group of writes on PostgreSQL in one round trip: every write's statements in one <see cref="NpgsqlBatch"/>, which
/// PostgreSQL runs as one implicit transaction (an error in any statement rolls all of them back), the games locked in
/// id order. Each write's checks are its own: an action whose version or holder check fails, or a key already held,
/// leaves the others unaffected. When an action was not committed, a second round trip reads its game's version, which
/// tells a preempted action from one whose key was lost (rare: under load most groups commit every action, and the
/// read is left out of those).
/// </summary>
internal static class PostgresGroupCommit
{
    public static async Task<IReadOnlyList<WriteResult>> CommitAsync(NpgsqlConnection connection, IReadOnlyList<StoreWrite> writes, CancellationToken cancellationToken)
    {
        // A write on its own locks one game at most: no order to keep (and a take on its own may not know its game).
        int[] order = writes.Count == 1 ? [0] : [.. Enumerable.Range(0, writes.Count).OrderBy(i => writes[i].LockOrder)];
        await using var batch = new NpgsqlBatch(connection);
        foreach (var index in order)
        {
            foreach (var command in Commands(writes[index]))
            {
                batch.BatchCommands.Add(command);
            }
        }

        var results = new WriteResult?[writes.Count];
        var committed = new bool[writes.Count];
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            foreach (var index in order)
            {
                switch (writes[index])
                {
                    case ActionCommit:
                        committed[index] = await PostgresActionCommits.ReadCommittedAsync(reader, cancellationToken);
                        break;
                    case NewGame:
                        results[index] = new WriteResult.Created(await PostgresGameSetup.ReadCreatedAsync(reader, cancellationToken));
                        break;
                    case KeyTake take:
                        results[index] = new WriteResult.Key(await PostgresGameSetup.ReadKeyChangeAsync(reader, take.Key, cancellationToken));
                        break;
                    case KeyRelease release:
                        results[index] = new WriteResult.Key(await PostgresGameSetup.ReadKeyChangeAsync(reader, release.Key, cancellationToken));
                        break;
                }

                await reader.NextResultAsync(cancellationToken);
            }
        }

        long[] refused = [.. Enumerable.Range(0, writes.Count).Where(i => writes[i] is ActionCommit && !committed[i]).Select(i => ((ActionCommit)writes[i]).GameId)];
        var versions = refused.Length > 0 ? await PostgresActionCommits.ReadVersionsAsync(connection, refused, cancellationToken) : [];

        for (var i = 0; i < writes.Count; i++)
        {
            if (writes[i] is ActionCommit commit)
            {
                results[i] = new WriteResult.Action(PostgresActionCommits.Classify(commit, committed[i], versions));
            }
        }

        return results!;
    }

    private static IEnumerable<NpgsqlBatchCommand> Commands(StoreWrite write) => write switch
    {
        ActionCommit commit => [PostgresActionCommits.Command(commit)],
        NewGame game => [PostgresGameSetup.CreateCommand(game)],
        KeyTake take => PostgresGameSetup.TakeCommands(take),
        KeyRelease release => PostgresGameSetup.ReleaseCommands(release),
        _ => throw new ArgumentException($"No statements for a {write.GetType().Name}", nameof(write)),
    };
}
