using Igo.Data.Stores;
using Igo.Domain;
using Npgsql;

namespace Igo.Tests.Data;

/// <summary>
/// A group's actions check that each player still holds its key, one key at a time through the key's index. Written as
/// EXISTS, the check let PostgreSQL hash the whole player_keys table instead whenever its cost model (a random page
/// read four times a sequential one) judged that cheaper than ten lookups: at a few thousand keys, a young server's or
/// a benchmark's, it did so on every group commit, and reading every key once per group was a third of PostgreSQL's CPU
/// at 25 games (docs/BENCHMARKS.md, "Every key, once per group"). As a scalar subquery it has no such plan. Here
/// PostgreSQL gets the case that led it there: the statement's generic plan (the one a prepared statement settles on)
/// over 2,000 keys with fresh statistics. The statement must not scan player_keys.
/// </summary>
[Trait("Category", "Data")]
public sealed class ActionCommitPlanTests(PostgresStore store) : OneInstanceStoreTests(store), IClassFixture<PostgresStore>
{
    private const int OtherGames = 1_000;
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Games like the first, each with its two keys, released: the table a few minutes of play leave behind.</summary>
    private static readonly string AddOtherGamesSql = $"""
        WITH template AS (SELECT * FROM games ORDER BY id LIMIT 1),
        added AS (
            INSERT INTO games (size, ko_rule, scoring, komi, handicap, status, version, time_played_seconds, clock_running_since,
                               created_at, updated_at, time_system, main_time_ms, period_time_ms, periods, stones, increment_ms,
                               cap_ms, watch_id, listed)
            SELECT t.size, t.ko_rule, t.scoring, t.komi, t.handicap, t.status, 62, 0, t.clock_running_since, t.created_at,
                   t.updated_at, t.time_system, t.main_time_ms, t.period_time_ms, t.periods, t.stones, t.increment_ms, t.cap_ms,
                   md5('other-' || n), t.listed
            FROM template t, generate_series(1, {OtherGames}) AS n
            RETURNING id)
        INSERT INTO player_keys (key, game_id, color, opponent_key)
        SELECT left(md5(color || id), 10), id, color, left(md5(other || id), 10)
        FROM added, (VALUES ('black', 'white'), ('white', 'black')) AS c(color, other)
        """;

    [Fact]
    public async Task A_group_s_actions_read_their_players_keys_by_the_index_not_the_whole_table()
    {
        var run = new List<ActionCommit>();
        for (var game = 0; game < 10; game++)
        {
            var (blackKey, whiteKey) = (NewKey(), NewKey());
            var black = Holder($"black-{game}");
            var gameId = await Games.CreateGameAsync(new NewGame(19, Ruleset.Japanese(), blackKey, whiteKey, Color.Black, black, null, null, T0, null), Cancel);
            await Games.TakeKeyAsync(new KeyTake(whiteKey, Holder($"white-{game}"), null, T0), Cancel);
            var stone = new GameAction(ActionType.PlaceStone, Color.Black, new Point(game, 0), T0);
            run.Add(new ActionCommit(gameId, 0, blackKey, black, stone, GameStatus.Play, null, 0, T0, null));
        }

        // The statement's generic plan (the one a prepared statement settles on), over tables of 2,000 keys with fresh statistics.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(store.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(Cancel);
        await ExecuteAsync(connection, AddOtherGamesSql);
        await ExecuteAsync(connection, "ANALYZE games; ANALYZE player_keys; SET plan_cache_mode = force_generic_plan");
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { PostgresActionCommits.Command(run) } };
        Assert.Equal((run.Count, 0L), await CommitAndCountKeyScansAsync(connection, batch));
    }

    /// <summary>Runs the batch in a transaction it rolls back: the actions it committed, and the scans of player_keys.</summary>
    private static async Task<(int Committed, long KeyScans)> CommitAndCountKeyScansAsync(NpgsqlConnection connection, NpgsqlBatch batch)
    {
        await using var transaction = await connection.BeginTransactionAsync(Cancel);
        batch.Transaction = transaction;
        var committed = 0;
        await using (var reader = await batch.ExecuteReaderAsync(Cancel))
        {
            while (await reader.ReadAsync(Cancel))
            {
                committed++;
            }
        }

        await using var scans = new NpgsqlCommand("SELECT pg_stat_get_xact_numscans('player_keys'::regclass)", connection, transaction);
        var keyScans = (long)(await scans.ExecuteScalarAsync(Cancel))!;
        await transaction.RollbackAsync(Cancel);
        return (committed, keyScans);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Cancel);
    }
}
