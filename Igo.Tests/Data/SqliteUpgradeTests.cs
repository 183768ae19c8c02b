using Igo.Data;
using Igo.Data.Stores;
using Igo.Domain;
using Microsoft.Data.Sqlite;

namespace Igo.Tests.Data;

/// <summary>
/// An embedded SQLite file made by an earlier version of Igo is upgraded in place at start: it gets the schema a new
/// file gets, and keeps its games.
/// </summary>
[Trait("Category", "Data")]
public sealed class SqliteUpgradeTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    // What the timed-games migration added: a file without them is a file of schema 1.
    private static readonly (string Table, string Column)[] TimedGamesColumns =
    [
        ("games", "time_system"), ("games", "main_time_ms"), ("games", "period_time_ms"), ("games", "periods"), ("games", "stones"),
        ("games", "increment_ms"), ("games", "cap_ms"), ("games", "deadline"), ("actions", "thinking_ms"), ("player_keys", "away_since"),
    ];

    // What the watching migration added.
    private static readonly string[] WatchingChanges =
    [
        "DROP INDEX ix_games_watch_id", "ALTER TABLE games DROP COLUMN watch_id", "ALTER TABLE games DROP COLUMN listed",
        "DROP TABLE spectator_messages", "DROP TABLE game_spectators",
    ];

    // What the rematch migration added (schema 5 to 6): dropped too, so the upgrade adds them back.
    private static readonly (string Table, string Column)[] RematchColumns =
    [
        ("games", "rematch_of"), ("games", "rematch_offered_by"), ("games", "rematch_declined"), ("games", "rematch_declined_at"),
    ];

    private readonly string old = Directory.CreateTempSubdirectory("igo-sqlite-old-").FullName;
    private readonly string fresh = Directory.CreateTempSubdirectory("igo-sqlite-new-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_file_of_the_first_schema_is_upgraded_to_the_current_one_and_keeps_its_games()
    {
        var gameId = await WithGameAsync(old);
        await MakeFirstSchemaAsync(Database(old));

        await using (var host = await TestHost.StartAsync(null, old))
        {
            var store = host.Get<GameStore>();
            var stored = await store.LoadGameAsync(gameId, Cancel);
            Assert.Equal(TimeControl.None, stored!.Game.TimeControl);
            Assert.Equal(T0, stored.Black.AwaySince);
            Assert.Null(stored.Game.Deadline);
            Assert.True(WatchIds.IsWellFormed(stored.Game.WatchId), stored.Game.WatchId);
            Assert.False(stored.Game.Listed);
            Assert.Equal(gameId, await store.FindWatchedGameAsync(stored.Game.WatchId, Cancel));

            var timed = await store.CreateGameAsync(
                new NewGame(9, Ruleset.Japanese(), "timedblack", "timedwhite", Color.Black, new KeyHolder(host.InstanceId, "c"), null, null, T0, TimeControl.Absolute(TimeSpan.FromMinutes(1))),
                Cancel);
            Assert.Equal(TimeControl.Absolute(TimeSpan.FromMinutes(1)), (await store.LoadGameAsync(timed, Cancel))!.Game.TimeControl);
        }

        // A file made now, for comparison.
        await (await TestHost.StartAsync(null, fresh)).DisposeAsync();

        Assert.Equal(await SchemaAsync(Database(fresh)), await SchemaAsync(Database(old)));
        Assert.Equal(await UserVersionAsync(Database(fresh)), await UserVersionAsync(Database(old)));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(old, recursive: true);
        Directory.Delete(fresh, recursive: true);
    }

    private static string Database(string folder) => Path.Combine(folder, "data", "igo.db");

    /// <summary>A file with one untimed game whose black key was let go.</summary>
    private static async Task<long> WithGameAsync(string folder)
    {
        await using var host = await TestHost.StartAsync(null, folder);
        var store = host.Get<GameStore>();
        var creator = new KeyHolder(host.InstanceId, "c");
        var gameId = await store.CreateGameAsync(new NewGame(9, Ruleset.Japanese(), "blackkey01", "whitekey01", Color.Black, creator, null, null, T0), Cancel);
        await store.ReleaseKeyAsync(new KeyRelease(gameId, "blackkey01", creator, T0), Cancel);
        return gameId;
    }

    /// <summary>Takes the file back to the first schema: the engine reviews' and the lobby's tables, the timed-games columns and index go, and the file says schema 1.</summary>
    private static async Task MakeFirstSchemaAsync(string path)
    {
        await using var connection = await OpenAsync(path);

        // The lobby's index names the watching migration's column: it goes first.
        await ExecuteAsync(connection, "DROP INDEX ix_games_live");
        foreach (var change in WatchingChanges)
        {
            await ExecuteAsync(connection, change);
        }

        await ExecuteAsync(connection, "DROP TABLE game_analyses");
        await ExecuteAsync(connection, "DROP TABLE challenges");
        await ExecuteAsync(connection, "DROP INDEX ix_games_timed_in_play");
        await ExecuteAsync(connection, "DROP INDEX ix_games_rematch_of");
        foreach (var (table, column) in TimedGamesColumns.Concat(RematchColumns))
        {
            await ExecuteAsync(connection, $"ALTER TABLE {table} DROP COLUMN {column}");
        }

        await ExecuteAsync(connection, "PRAGMA user_version = 1");
    }

    /// <summary>Every table's columns (name, type, not null, default) and every index, in a stable order.</summary>
    private static async Task<IReadOnlyList<string>> SchemaAsync(string path)
    {
        await using var connection = await OpenAsync(path);
        var schema = new List<string>();
        foreach (var table in new[] { "games", "actions", "player_keys", "chat_messages", "instances", "game_analyses", "spectator_messages", "game_spectators" })
        {
            await using var command = new SqliteCommand($"SELECT name, type, \"notnull\" FROM pragma_table_info('{table}') ORDER BY name", connection);
            await using var reader = await command.ExecuteReaderAsync(Cancel);
            while (await reader.ReadAsync(Cancel))
            {
                schema.Add($"{table}.{reader.GetString(0)} {reader.GetString(1)} {(reader.GetInt64(2) == 1 ? "not null" : "null")}");
            }
        }

        await using var indexes = new SqliteCommand("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%' ORDER BY name", connection);
        await using var found = await indexes.ExecuteReaderAsync(Cancel);
        while (await found.ReadAsync(Cancel))
        {
            schema.Add("index " + found.GetString(0));
        }

        return schema;
    }

    private static async Task<long> UserVersionAsync(string path)
    {
        await using var connection = await OpenAsync(path);
        await using var command = new SqliteCommand("PRAGMA user_version", connection);
        return (long)(await command.ExecuteScalarAsync(Cancel))!;
    }

    private static async Task<SqliteConnection> OpenAsync(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
        await connection.OpenAsync(Cancel);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = new SqliteCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Cancel);
    }
}
