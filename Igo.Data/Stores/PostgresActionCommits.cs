using Igo.Data.Model;
using Npgsql;

namespace Igo.Data.Stores;

/// <summary>
/// An accepted action in a PostgreSQL group commit: one statement (a version- and holder-checked UPDATE of the game
/// feeding the INSERT of the action) that returns a row only when it committed; the others of the group are unaffected.
/// A server's action (a timeout) has no holder: only its version is checked. A failed action is told apart by the
/// versions statement that ends the group.
/// </summary>
internal static class PostgresActionCommits
{
    private const string CommitSql = """
        WITH moved AS (
            UPDATE games
            SET version = $2 + 1, status = $3, result_type = $4, winner = $5,
                time_played_seconds = $6, clock_running_since = $7, updated_at = $7, deadline = $16
            WHERE id = $1 AND version = $2
              AND ($8::character(10) IS NULL
                   OR EXISTS (SELECT 1 FROM player_keys k
                              WHERE k.key = $8::character(10) AND k.held_by_instance = $9 AND k.held_by_connection = $10))
            RETURNING id)
        INSERT INTO actions (game_id, sequence, type, point_row, point_col, color, at, thinking_ms)
        SELECT id, $2 + 1, $11, $12, $13, $14, $15, $17 FROM moved
        RETURNING game_id
        """;

    private const string VersionsSql = "SELECT id, version FROM games WHERE id = ANY($1)";

    public static NpgsqlBatchCommand Command(ActionCommit commit)
    {
        var action = commit.Action;
        var command = new NpgsqlBatchCommand(CommitSql);
        var parameters = command.Parameters;
        parameters.Add(new NpgsqlParameter<long> { TypedValue = commit.GameId });
        parameters.Add(new NpgsqlParameter<int> { TypedValue = commit.ExpectedVersion });
        parameters.Add(PostgresValues.Text(PostgresValues.Name(commit.StatusAfter)));
        parameters.Add(PostgresValues.Text(commit.ResultAfter is { } result ? PostgresValues.Name(result.Type) : null));
        parameters.Add(PostgresValues.Text(commit.ResultAfter?.Winner is { } winner ? PostgresValues.Name(winner) : null));
        parameters.Add(new NpgsqlParameter<double> { TypedValue = commit.TimePlayedSeconds });
        parameters.Add(PostgresValues.Time(commit.Now));
        parameters.Add(PostgresValues.Text(commit.ActorKey));
        parameters.Add(PostgresValues.OptionalGuid(commit.Holder?.Instance));
        parameters.Add(PostgresValues.Text(commit.Holder?.ConnectionId));
        parameters.Add(PostgresValues.Text(PostgresValues.Name(action.Type)));
        parameters.Add(PostgresValues.OptionalInt(action.Point?.Row));
        parameters.Add(PostgresValues.OptionalInt(action.Point?.Col));
        parameters.Add(PostgresValues.Text(PostgresValues.Name(action.Player)));
        parameters.Add(PostgresValues.Time(action.At));
        parameters.Add(PostgresValues.OptionalTime(commit.Deadline));
        parameters.Add(PostgresValues.OptionalInt(ActionRecord.Milliseconds(action.Thinking)));
        return command;
    }

    /// <summary>Reads <see cref="Command"/>'s result: whether the action was committed.</summary>
    public static Task<bool> ReadCommittedAsync(NpgsqlDataReader reader, CancellationToken cancellationToken) => reader.ReadAsync(cancellationToken);

    /// <summary>
    /// The games' versions after the group committed: an action that did not commit was preempted when its game's
    /// version moved on, and lost its key when it did not.
    /// </summary>
    public static async Task<Dictionary<long, int>> ReadVersionsAsync(NpgsqlConnection connection, long[] gameIds, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(VersionsSql, connection);
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = gameIds });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new Dictionary<long, int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions[reader.GetInt64(0)] = reader.GetInt32(1);
        }

        return versions;
    }

    public static CommitResult Classify(ActionCommit commit, bool committed, Dictionary<long, int> versions) =>
        committed ? CommitResult.Committed
        : versions.GetValueOrDefault(commit.GameId, -1) == commit.ExpectedVersion ? CommitResult.NotHolder
        : CommitResult.VersionConflict;
}
