using Igo.Data.Model;
using Igo.Domain;
using Npgsql;

namespace Igo.Data.Stores;

/// <summary>
/// Game setup on PostgreSQL as statements of a group commit (or of a batch of their own), each write a fixed few:
/// a new game is one statement (the game and both keys); a take or a release is three: lock the game row (which orders
/// every key change and commit of the game), change the key and the clock together, and read back the key and who is
/// connected as this transaction leaves them.
/// </summary>
internal static class PostgresGameSetup
{
    private const string CreateSql = """
        WITH game AS (
            INSERT INTO games (size, ko_rule, scoring, komi, handicap, status, version, time_played_seconds,
                               clock_running_since, created_at, updated_at, time_system, main_time_ms, period_time_ms,
                               periods, stones, increment_ms, cap_ms, watch_id, listed)
            VALUES ($1, $2, $3, $4, $5, $6, 0, 0, $7, $7, $7, $20, $21, $22, $23, $24, $25, $26, $27, $28)
            RETURNING id)
        INSERT INTO player_keys (key, game_id, color, opponent_key, computer_secret, computer_level,
                                 held_by_instance, held_by_connection, held_since)
        SELECT k.key, game.id, k.color, k.opponent_key, k.computer_secret, k.computer_level,
               k.held_by_instance, k.held_by_connection, k.held_since
        FROM game, (VALUES
            ($8::character(10), 'black', $9::character(10), $10::character(10), $11::text, $12::uuid, $13::text, $14::timestamptz),
            ($9::character(10), 'white', $8::character(10), $15::character(10), $16::text, $17::uuid, $18::text, $19::timestamptz))
            AS k(key, color, opponent_key, computer_secret, computer_level, held_by_instance, held_by_connection, held_since)
        RETURNING game_id
        """;

    /// <summary>
    /// Takes the game row's lock for the rest of the transaction, as every key change and commit of the game does first.
    /// The game is the one named by $3, or, when that is null (a take on its own), the key's.
    /// </summary>
    private const string LockSql = """
        UPDATE games SET updated_at = $2
        WHERE id = coalesce($3, (SELECT game_id FROM player_keys WHERE key = $1::character(10)))
        RETURNING id
        """;

    private const string TakeSql = """
        WITH taken AS (
            UPDATE player_keys SET held_by_instance = $2, held_by_connection = $3, held_since = $4, away_since = NULL
            WHERE key = $1::character(10) AND computer_secret IS NOT DISTINCT FROM $5::character(10)
              AND (held_by_instance IS NULL
                   OR ($6::text IS NOT NULL AND starts_with(held_by_connection, $6::text)
                       AND (held_by_instance <> $2 OR held_by_connection <> $3)))
            RETURNING game_id),
        clock AS (
            UPDATE games SET clock_running_since = $4
            WHERE id = (SELECT game_id FROM taken) AND clock_running_since IS NULL)
        SELECT count(*) FROM taken
        """;

    private const string ReleaseSql = """
        WITH released AS (
            UPDATE player_keys SET held_by_instance = NULL, held_by_connection = NULL, held_since = NULL, away_since = $4
            WHERE key = $1::character(10) AND held_by_instance = $2 AND held_by_connection = $3
            RETURNING game_id),
        clock AS (
            UPDATE games SET clock_running_since = NULL
            WHERE id = (SELECT game_id FROM released)
              AND NOT EXISTS (SELECT 1 FROM player_keys k
                              WHERE k.game_id = (SELECT game_id FROM released)
                                AND k.key <> $1::character(10) AND k.held_by_instance IS NOT NULL))
        SELECT count(*) FROM released
        """;

    /// <summary>Both keys of the game (named as in <see cref="LockSql"/>) with its version and clock: one row per colour.</summary>
    private const string StateSql = """
        SELECT k.key, k.game_id, k.color, k.opponent_key, k.computer_secret, k.computer_level,
               k.held_by_instance, k.held_by_connection, k.held_since, k.away_since,
               g.version, g.time_played_seconds, g.clock_running_since
        FROM games g JOIN player_keys k ON k.game_id = g.id
        WHERE g.id = coalesce($2, (SELECT game_id FROM player_keys WHERE key = $1::character(10)))
        """;

    public static NpgsqlBatchCommand CreateCommand(NewGame game)
    {
        var stored = game.AsStored(0);
        var command = new NpgsqlBatchCommand(CreateSql);
        var parameters = command.Parameters;
        parameters.Add(new NpgsqlParameter<int> { TypedValue = game.Size });
        parameters.Add(PostgresValues.Text(PostgresValues.Name(game.Rules.Ko)));
        parameters.Add(PostgresValues.Text(PostgresValues.Name(game.Rules.Scoring)));
        parameters.Add(new NpgsqlParameter<double> { TypedValue = game.Rules.Komi });
        parameters.Add(new NpgsqlParameter<int> { TypedValue = game.Rules.Handicap });
        parameters.Add(PostgresValues.Text(PostgresValues.Name(GameStatus.Play)));
        parameters.Add(PostgresValues.Time(game.Now));
        parameters.Add(PostgresValues.Text(game.BlackKey));
        parameters.Add(PostgresValues.Text(game.WhiteKey));
        foreach (var key in new[] { stored.Black, stored.White })
        {
            parameters.Add(PostgresValues.Text(key.ComputerSecret));
            parameters.Add(PostgresValues.Text(key.ComputerLevel));
            parameters.Add(PostgresValues.OptionalGuid(key.HeldByInstance));
            parameters.Add(PostgresValues.Text(key.HeldByConnection));
            parameters.Add(PostgresValues.OptionalTime(key.HeldSince));
        }

        var row = stored.Game;
        parameters.Add(PostgresValues.Text(PostgresValues.Name(row.TimeSystem)));
        parameters.Add(new NpgsqlParameter<long> { TypedValue = row.MainTimeMs });
        parameters.Add(new NpgsqlParameter<long> { TypedValue = row.PeriodTimeMs });
        parameters.Add(new NpgsqlParameter<int> { TypedValue = row.Periods });
        parameters.Add(new NpgsqlParameter<int> { TypedValue = row.Stones });
        parameters.Add(new NpgsqlParameter<long> { TypedValue = row.IncrementMs });
        parameters.Add(PostgresValues.OptionalLong(row.CapMs));
        parameters.Add(PostgresValues.Text(row.WatchId));
        parameters.Add(new NpgsqlParameter<bool> { TypedValue = row.Listed });
        return command;
    }

    public static async Task<long> ReadCreatedAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var gameId = 0L;
        while (await reader.ReadAsync(cancellationToken))
        {
            gameId = reader.GetInt64(0);
        }

        return gameId;
    }

    public static IEnumerable<NpgsqlBatchCommand> TakeCommands(KeyTake take) =>
        KeyCommands(take.Key, take.GameId, take.Now, TakeSql, take.Holder, PostgresValues.Time(take.Now), PostgresValues.Text(take.ComputerSecret), PostgresValues.Text(take.TakeOverPrefix));

    public static IEnumerable<NpgsqlBatchCommand> ReleaseCommands(KeyRelease release) =>
        KeyCommands(release.Key, release.GameId, release.Now, ReleaseSql, release.Holder, PostgresValues.Time(release.Now));

    /// <summary>Reads the three results of <see cref="TakeCommands"/> or <see cref="ReleaseCommands"/>; null when there is no such key.</summary>
    public static async Task<KeyChange?> ReadKeyChangeAsync(NpgsqlDataReader reader, string key, CancellationToken cancellationToken)
    {
        while (await reader.ReadAsync(cancellationToken))
        {
            // The lock: nothing to read, the row is held now.
        }

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var changed = reader.GetInt64(0) == 1;
        await reader.NextResultAsync(cancellationToken);

        PlayerKeyRecord? found = null;
        var connected = new PerColor<bool>(false, false);
        var away = new PerColor<DateTimeOffset?>(null, null);
        var holders = new PerColor<KeyHolder?>(null, null);
        (int Version, double Played, DateTimeOffset? Since) game = default;
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = ReadKey(reader);
            connected = connected.With(row.Color, row.HeldByInstance is not null);
            away = away.With(row.Color, row.AwaySince);
            holders = holders.With(row.Color, KeyHolder.Of(row.HeldByInstance, row.HeldByConnection));
            found = row.Key == key ? row : found;
            game = (reader.GetInt32(10), reader.GetDouble(11), PostgresValues.OptionalTime(reader, 12));
        }

        return found is null ? null : new KeyChange(found, changed, new GamePresence(game.Version, connected, game.Played, game.Since) { AwaySince = away, Holders = holders });
    }

    /// <summary>
    /// The three statements of a take or a release: lock, change (<paramref name="changeSql"/>, whose $1 to $3 are the
    /// key and its holder, then <paramref name="more"/>), read back.
    /// </summary>
    private static IEnumerable<NpgsqlBatchCommand> KeyCommands(string key, long? gameId, DateTimeOffset now, string changeSql, KeyHolder holder, params NpgsqlParameter[] more)
    {
        yield return Lock(key, gameId, now);
        var change = new NpgsqlBatchCommand(changeSql);
        change.Parameters.Add(PostgresValues.Text(key));
        change.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = holder.Instance });
        change.Parameters.Add(PostgresValues.Text(holder.ConnectionId));
        change.Parameters.AddRange(more);
        yield return change;
        yield return State(key, gameId);
    }

    private static NpgsqlBatchCommand Lock(string key, long? gameId, DateTimeOffset now)
    {
        var command = new NpgsqlBatchCommand(LockSql);
        command.Parameters.Add(PostgresValues.Text(key));
        command.Parameters.Add(PostgresValues.Time(now));
        command.Parameters.Add(PostgresValues.OptionalLong(gameId));
        return command;
    }

    private static NpgsqlBatchCommand State(string key, long? gameId)
    {
        var command = new NpgsqlBatchCommand(StateSql);
        command.Parameters.Add(PostgresValues.Text(key));
        command.Parameters.Add(PostgresValues.OptionalLong(gameId));
        return command;
    }

    /// <summary>A player_keys row from the first ten columns, in table order.</summary>
    internal static PlayerKeyRecord ReadKey(NpgsqlDataReader reader, int first = 0) => new()
    {
        Key = reader.GetString(first),
        GameId = reader.GetInt64(first + 1),
        Color = PostgresValues.Parse<Color>(reader.GetString(first + 2)),
        OpponentKey = reader.GetString(first + 3),
        ComputerSecret = PostgresValues.OptionalString(reader, first + 4),
        ComputerLevel = PostgresValues.OptionalString(reader, first + 5),
        HeldByInstance = reader.IsDBNull(first + 6) ? null : reader.GetGuid(first + 6),
        HeldByConnection = PostgresValues.OptionalString(reader, first + 7),
        HeldSince = PostgresValues.OptionalTime(reader, first + 8),
        AwaySince = PostgresValues.OptionalTime(reader, first + 9),
    };
}
