using Igo.Data.Model;
using Npgsql;
using NpgsqlTypes;

namespace Igo.Data.Stores;

/// <summary>
/// The group commit on PostgreSQL in one round trip: one statement per action (a version- and holder-checked UPDATE
/// of the game feeding the INSERT of the action), all in one <see cref="NpgsqlBatch"/> inside one transaction.
/// An action whose check fails inserts nothing and returns no row; the others are unaffected.
/// </summary>
internal static class PostgresActionCommits
{
    private const string CommitSql = """
        WITH moved AS (
            UPDATE games
            SET version = $2 + 1, status = $3, result_type = $4, winner = $5,
                time_played_seconds = $6, clock_running_since = $7, updated_at = $7
            WHERE id = $1 AND version = $2
              AND EXISTS (SELECT 1 FROM player_keys k
                          WHERE k.key = $8::character(10) AND k.held_by_instance = $9 AND k.held_by_connection = $10)
            RETURNING id)
        INSERT INTO actions (game_id, sequence, type, point_row, point_col, color, at)
        SELECT id, $2 + 1, $11, $12, $13, $14, $15 FROM moved
        RETURNING game_id
        """;

    public static async Task<IReadOnlyList<CommitResult>> CommitAsync(NpgsqlConnection connection, IReadOnlyList<ActionCommit> commits, CancellationToken cancellationToken)
    {
        var order = Enumerable.Range(0, commits.Count).OrderBy(i => commits[i].GameId).ToArray();
        var committed = new bool[commits.Count];
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            foreach (var index in order)
            {
                batch.BatchCommands.Add(Command(commits[index]));
            }

            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            foreach (var index in order)
            {
                committed[index] = await reader.ReadAsync(cancellationToken);
                await reader.NextResultAsync(cancellationToken);
            }
        }

        var results = new CommitResult[commits.Count];
        var failed = Enumerable.Range(0, commits.Count).Where(i => !committed[i]).ToList();
        var versions = failed.Count == 0 ? [] : await VersionsAsync(connection, transaction, [.. failed.Select(i => commits[i].GameId)], cancellationToken);
        for (var i = 0; i < commits.Count; i++)
        {
            results[i] = committed[i] ? CommitResult.Committed
                : versions.GetValueOrDefault(commits[i].GameId, -1) == commits[i].ExpectedVersion ? CommitResult.NotHolder
                : CommitResult.VersionConflict;
        }

        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    private static NpgsqlBatchCommand Command(ActionCommit commit)
    {
        var action = commit.Action;
        var command = new NpgsqlBatchCommand(CommitSql);
        var parameters = command.Parameters;
        parameters.Add(new NpgsqlParameter<long> { TypedValue = commit.GameId });
        parameters.Add(new NpgsqlParameter<int> { TypedValue = commit.ExpectedVersion });
        parameters.Add(Text(Name(commit.StatusAfter)));
        parameters.Add(Text(commit.ResultAfter is { } result ? Name(result.Type) : null));
        parameters.Add(Text(commit.ResultAfter?.Winner is { } winner ? Name(winner) : null));
        parameters.Add(new NpgsqlParameter<double> { TypedValue = commit.TimePlayedSeconds });
        parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = commit.Now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        parameters.Add(Text(commit.ActorKey));
        parameters.Add(new NpgsqlParameter<Guid> { TypedValue = commit.Holder.Instance });
        parameters.Add(Text(commit.Holder.ConnectionId));
        parameters.Add(Text(Name(action.Type)));
        parameters.Add(OptionalInt(action.Point?.Row));
        parameters.Add(OptionalInt(action.Point?.Col));
        parameters.Add(Text(Name(action.Player)));
        parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = action.At, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return command;
    }

    private static async Task<Dictionary<long, int>> VersionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long[] gameIds, CancellationToken cancellationToken)
    {
        await using var query = new NpgsqlCommand("SELECT id, version FROM games WHERE id = ANY($1)", connection, transaction);
        query.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = gameIds });
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        var versions = new Dictionary<long, int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions[reader.GetInt64(0)] = reader.GetInt32(1);
        }

        return versions;
    }

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => SnakeCaseEnumNames<TEnum>.ToName[value];

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter OptionalInt(int? value) => new() { Value = value is { } v ? v : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer };
}
