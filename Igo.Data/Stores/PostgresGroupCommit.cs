using Npgsql;

namespace Igo.Data.Stores;

/// <summary>
/// A group of writes on PostgreSQL in one round trip, in one <see cref="NpgsqlBatch"/>, which PostgreSQL runs as one
/// implicit transaction (an error in any statement rolls all of them back). The group first locks every game it
/// touches in id order, so two instances' overlapping groups cannot deadlock whatever order their statements then take
/// rows in. The writes follow in game order, each run of actions of distinct games as one statement
/// (<see cref="PostgresActionCommits"/>), every other write as its own; two writes of one game keep the order they were
/// given in. Each write's checks are its own: an action whose version or holder check fails, or a key already held,
/// leaves the others unaffected. When an action was not committed, a second round trip reads its game's version,
/// which tells a preempted action from one whose key was lost (rare: under load most groups commit every action, and
/// the read is left out of those).
/// </summary>
internal static class PostgresGroupCommit
{
    private const string LockSql = "SELECT id FROM games WHERE id = ANY($1) ORDER BY id FOR NO KEY UPDATE";

    public static async Task<IReadOnlyList<WriteResult>> CommitAsync(NpgsqlConnection connection, IReadOnlyList<StoreWrite> writes, CancellationToken cancellationToken)
    {
        var steps = Steps(writes);
        // A write on its own locks one game at most: no order to keep (and a take on its own may not know its game).
        long[] games = writes.Count == 1 ? [] : [.. writes.Select(w => w.LockOrder).Where(id => id != 0).Distinct().Order()];
        await using var batch = new NpgsqlBatch(connection);
        if (games.Length > 1)
        {
            var lockGames = new NpgsqlBatchCommand(LockSql);
            lockGames.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = games });
            batch.BatchCommands.Add(lockGames);
        }

        foreach (var step in steps)
        {
            var commands = writes[step[0]] is ActionCommit
                ? [PostgresActionCommits.Command([.. step.Select(i => (ActionCommit)writes[i])])]
                : Commands(writes[step[0]]);
            foreach (var command in commands)
            {
                batch.BatchCommands.Add(command);
            }
        }

        var results = new WriteResult?[writes.Count];
        var committed = new bool[writes.Count];
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            if (games.Length > 1)
            {
                await reader.NextResultAsync(cancellationToken);
            }

            foreach (var step in steps)
            {
                switch (writes[step[0]])
                {
                    case ActionCommit:
                        var run = await PostgresActionCommits.ReadCommittedAsync(reader, cancellationToken);
                        foreach (var index in step)
                        {
                            committed[index] = run.Contains(((ActionCommit)writes[index]).GameId);
                        }

                        break;
                    case NewGame:
                        results[step[0]] = new WriteResult.Created(await PostgresGameSetup.ReadCreatedAsync(reader, cancellationToken));
                        break;
                    case KeyTake take:
                        results[step[0]] = new WriteResult.Key(await PostgresGameSetup.ReadKeyChangeAsync(reader, take.Key, cancellationToken));
                        break;
                    case KeyRelease release:
                        results[step[0]] = new WriteResult.Key(await PostgresGameSetup.ReadKeyChangeAsync(reader, release.Key, cancellationToken));
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

    /// <summary>
    /// The writes in game order (stable, so one game's writes keep theirs), as steps of one statement each: a run of
    /// consecutive actions of distinct games, or one other write. Each step is the writes' indices.
    /// </summary>
    private static List<int[]> Steps(IReadOnlyList<StoreWrite> writes)
    {
        var steps = new List<int[]>();
        var run = new List<int>();
        var runGames = new HashSet<long>();
        IEnumerable<int> order = writes.Count == 1 ? [0] : Enumerable.Range(0, writes.Count).OrderBy(i => writes[i].LockOrder);
        foreach (var index in order)
        {
            if (writes[index] is ActionCommit action && runGames.Add(action.GameId))
            {
                run.Add(index);
                continue;
            }

            EndRun();
            if (writes[index] is ActionCommit repeated)
            {
                run.Add(index);
                runGames.Add(repeated.GameId);
            }
            else
            {
                steps.Add([index]);
            }
        }

        EndRun();
        return steps;

        void EndRun()
        {
            if (run.Count > 0)
            {
                steps.Add([.. run]);
                run.Clear();
                runGames.Clear();
            }
        }
    }

    private static IEnumerable<NpgsqlBatchCommand> Commands(StoreWrite write) => write switch
    {
        NewGame game => [PostgresGameSetup.CreateCommand(game)],
        KeyTake take => PostgresGameSetup.TakeCommands(take),
        KeyRelease release => PostgresGameSetup.ReleaseCommands(release),
        _ => throw new ArgumentException($"No statements for a {write.GetType().Name}", nameof(write)),
    };
}
