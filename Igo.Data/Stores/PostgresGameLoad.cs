using Igo.Data.Model;
using Igo.Domain;
using Npgsql;

namespace Igo.Data.Stores;

/// <summary>
/// Reads a whole game on PostgreSQL in one round trip: the game row with both keys (one statement, so one snapshot), its
/// action log, its newest chat line's id and, for a copy that follows the game, its spectators on live instances and
/// their newest chat line. The log is read after the row, so it holds at least the row's version of actions; any
/// committed since are left out, and arrive as events.
/// </summary>
internal static class PostgresGameLoad
{
    private const string GameSql = """
        SELECT g.id, g.size, g.ko_rule, g.scoring, g.komi, g.handicap, g.status, g.result_type, g.winner, g.version,
               g.time_played_seconds, g.clock_running_since, g.created_at, g.updated_at,
               g.time_system, g.main_time_ms, g.period_time_ms, g.periods, g.stones, g.increment_ms, g.cap_ms, g.deadline,
               g.watch_id, g.listed,
               k.key, k.game_id, k.color, k.opponent_key, k.computer_secret, k.computer_level,
               k.held_by_instance, k.held_by_connection, k.held_since, k.away_since
        FROM games g JOIN player_keys k ON k.game_id = g.id
        WHERE g.id = $1
        """;

    private const string ActionsSql = "SELECT type, point_row, point_col, color, at, thinking_ms FROM actions WHERE game_id = $1 ORDER BY sequence";

    private const string LastChatSql = "SELECT coalesce(max(id), 0) FROM chat_messages WHERE game_id = $1";

    private const string SpectatorsSql = """
        SELECT coalesce((SELECT sum(s.count) FROM game_spectators s JOIN instances i ON i.id = s.instance_id
                         WHERE s.game_id = $1 AND i.lease_expires_at > $2), 0)::integer,
               coalesce((SELECT max(id) FROM spectator_messages WHERE game_id = $1), 0)
        """;

    public static async Task<LoadedGame?> LoadAsync(NpgsqlConnection connection, long gameId, DateTimeOffset? spectatorsAt, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach (var sql in new[] { GameSql, ActionsSql, LastChatSql })
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = gameId });
            batch.BatchCommands.Add(command);
        }

        if (spectatorsAt is { } now)
        {
            var command = new NpgsqlBatchCommand(SpectatorsSql);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = gameId });
            command.Parameters.Add(PostgresValues.Time(now));
            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        GameRecord? game = null;
        var keys = new List<PlayerKeyRecord>(2);
        while (await reader.ReadAsync(cancellationToken))
        {
            game ??= ReadGame(reader);
            keys.Add(PostgresGameSetup.ReadKey(reader, first: 24));
        }

        await reader.NextResultAsync(cancellationToken);
        var actions = new List<GameAction>();
        while (await reader.ReadAsync(cancellationToken))
        {
            actions.Add(ReadAction(reader));
        }

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var lastChatId = reader.GetInt64(0);
        var spectators = SpectatorState.None;
        if (spectatorsAt is not null)
        {
            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            spectators = new SpectatorState(reader.GetInt32(0), reader.GetInt64(1));
        }

        if (game is null)
        {
            return null;
        }

        return new LoadedGame(
            new StoredGame(game, keys.Single(k => k.Color == Color.Black), keys.Single(k => k.Color == Color.White), [.. actions.Take(game.Version)]),
            lastChatId,
            spectators);
    }

    private static GameRecord ReadGame(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Size = reader.GetInt32(1),
        KoRule = PostgresValues.Parse<KoRule>(reader.GetString(2)),
        Scoring = PostgresValues.Parse<ScoringRule>(reader.GetString(3)),
        Komi = reader.GetDouble(4),
        Handicap = reader.GetInt32(5),
        Status = PostgresValues.Parse<GameStatus>(reader.GetString(6)),
        ResultType = PostgresValues.OptionalString(reader, 7) is { } result ? PostgresValues.Parse<ResultType>(result) : null,
        Winner = PostgresValues.OptionalString(reader, 8) is { } winner ? PostgresValues.Parse<Color>(winner) : null,
        Version = reader.GetInt32(9),
        TimePlayedSeconds = reader.GetDouble(10),
        ClockRunningSince = PostgresValues.OptionalTime(reader, 11),
        CreatedAt = reader.GetFieldValue<DateTimeOffset>(12),
        UpdatedAt = reader.GetFieldValue<DateTimeOffset>(13),
        TimeSystem = PostgresValues.Parse<TimeSystem>(reader.GetString(14)),
        MainTimeMs = reader.GetInt64(15),
        PeriodTimeMs = reader.GetInt64(16),
        Periods = reader.GetInt32(17),
        Stones = reader.GetInt32(18),
        IncrementMs = reader.GetInt64(19),
        CapMs = reader.IsDBNull(20) ? null : reader.GetInt64(20),
        Deadline = PostgresValues.OptionalTime(reader, 21),
        WatchId = reader.GetString(22),
        Listed = reader.GetBoolean(23),
    };

    private static GameAction ReadAction(NpgsqlDataReader reader) => new ActionRecord
    {
        Type = PostgresValues.Parse<ActionType>(reader.GetString(0)),
        PointRow = reader.IsDBNull(1) ? null : reader.GetInt32(1),
        PointCol = reader.IsDBNull(2) ? null : reader.GetInt32(2),
        Color = PostgresValues.Parse<Color>(reader.GetString(3)),
        At = reader.GetFieldValue<DateTimeOffset>(4),
        ThinkingMs = reader.IsDBNull(5) ? null : reader.GetInt32(5),
    }.ToAction();
}
