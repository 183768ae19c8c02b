using Igo.Data.Model;
using Npgsql;
using NpgsqlTypes;

namespace Igo.Data.Stores;

/// <summary>
/// Accepted actions in a PostgreSQL group commit: one statement for a whole run of them (one row per game, the values
/// as parallel arrays), a version- and holder-checked UPDATE of each game feeding the INSERT of its action, returning
/// the games whose action committed; an action whose check fails leaves the others of the run unaffected. One
/// statement, not one per action: PostgreSQL's cost per statement (bind, executor start and end, a result to send) was
/// most of its time per action under load. A server's action (a timeout) has no holder: only its version is checked.
/// A failed action is told apart by the versions statement that ends the group.
/// </summary>
/// <remarks>
/// The holder check is a scalar subquery on the key, not an EXISTS: PostgreSQL may run an EXISTS as one hash of the
/// whole subquery, and at a few thousand keys its cost model chose to read every key once per group commit over ten
/// lookups by the key's index (docs/BENCHMARKS.md, "Every key, once per group"). A scalar subquery has only the lookup.
/// </remarks>
internal static class PostgresActionCommits
{
    private const string CommitSql = """
        WITH u AS (
            SELECT * FROM unnest($1::bigint[], $2::integer[], $3::text[], $4::text[], $5::text[], $6::double precision[],
                                 $7::timestamptz[], $8::text[], $9::uuid[], $10::text[], $11::text[], $12::integer[],
                                 $13::integer[], $14::text[], $15::timestamptz[], $16::timestamptz[], $17::integer[])
                AS u(id, version, status, result_type, winner, time_played_seconds, now, actor_key, holder_instance,
                     holder_connection, type, point_row, point_col, color, at, deadline, thinking_ms)),
        moved AS (
            UPDATE games g
            SET version = u.version + 1, status = u.status, result_type = u.result_type, winner = u.winner,
                time_played_seconds = u.time_played_seconds, clock_running_since = u.now, updated_at = u.now,
                deadline = u.deadline
            FROM u
            WHERE g.id = u.id AND g.version = u.version
              AND (u.actor_key IS NULL
                   OR (SELECT k.held_by_instance = u.holder_instance AND k.held_by_connection = u.holder_connection
                       FROM player_keys k WHERE k.key = u.actor_key::character(10)))
            RETURNING g.id)
        INSERT INTO actions (game_id, sequence, type, point_row, point_col, color, at, thinking_ms)
        SELECT u.id, u.version + 1, u.type, u.point_row, u.point_col, u.color, u.at, u.thinking_ms
        FROM moved JOIN u ON u.id = moved.id
        RETURNING game_id
        """;

    private const string VersionsSql = "SELECT id, version FROM games WHERE id = ANY($1)";

    /// <summary>One statement for <paramref name="run"/>: actions of distinct games.</summary>
    public static NpgsqlBatchCommand Command(IReadOnlyList<ActionCommit> run)
    {
        var command = new NpgsqlBatchCommand(CommitSql);
        var parameters = command.Parameters;
        parameters.Add(Array(run, c => c.GameId, NpgsqlDbType.Bigint));
        parameters.Add(Array(run, c => c.ExpectedVersion, NpgsqlDbType.Integer));
        parameters.Add(Array(run, c => PostgresValues.Name(c.StatusAfter), NpgsqlDbType.Text));
        parameters.Add(Array(run, c => c.ResultAfter is { } result ? PostgresValues.Name(result.Type) : null, NpgsqlDbType.Text));
        parameters.Add(Array(run, c => c.ResultAfter?.Winner is { } winner ? PostgresValues.Name(winner) : null, NpgsqlDbType.Text));
        parameters.Add(Array(run, c => c.TimePlayedSeconds, NpgsqlDbType.Double));
        parameters.Add(Array(run, c => c.Now, NpgsqlDbType.TimestampTz));
        parameters.Add(Array(run, c => c.ActorKey, NpgsqlDbType.Text));
        parameters.Add(Array(run, c => c.Holder?.Instance, NpgsqlDbType.Uuid));
        parameters.Add(Array(run, c => c.Holder?.ConnectionId, NpgsqlDbType.Text));
        parameters.Add(Array(run, c => PostgresValues.Name(c.Action.Type), NpgsqlDbType.Text));
        parameters.Add(Array(run, c => c.Action.Point?.Row, NpgsqlDbType.Integer));
        parameters.Add(Array(run, c => c.Action.Point?.Col, NpgsqlDbType.Integer));
        parameters.Add(Array(run, c => PostgresValues.Name(c.Action.Player), NpgsqlDbType.Text));
        parameters.Add(Array(run, c => c.Action.At, NpgsqlDbType.TimestampTz));
        parameters.Add(Array(run, c => c.Deadline, NpgsqlDbType.TimestampTz));
        parameters.Add(Array(run, c => ActionRecord.Milliseconds(c.Action.Thinking), NpgsqlDbType.Integer));
        return command;
    }

    /// <summary>Reads <see cref="Command"/>'s result: the games of the run whose action committed.</summary>
    public static async Task<HashSet<long>> ReadCommittedAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var committed = new HashSet<long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            committed.Add(reader.GetInt64(0));
        }

        return committed;
    }

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

    private static NpgsqlParameter<T[]> Array<T>(IReadOnlyList<ActionCommit> run, Func<ActionCommit, T> value, NpgsqlDbType elementType) =>
        new() { TypedValue = [.. run.Select(value)], NpgsqlDbType = NpgsqlDbType.Array | elementType };
}
