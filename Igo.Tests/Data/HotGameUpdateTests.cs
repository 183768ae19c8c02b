using Igo.Data.Stores;
using Igo.Domain;
using Npgsql;

namespace Igo.Tests.Data;

/// <summary>
/// Every action updates its game's row. On PostgreSQL that update must be a HOT one (heap-only: in place on its page,
/// no new index entry), or each action writes an entry into every index of games and leaves a dead one behind for
/// the next lookup of that game to step over; an index on a column that moves change once cost most of the store's
/// CPU under load. It stays HOT only while no index covers a column a move changes and the page has room (the
/// table's fillfactor): so the lobby's and the timeout sweep's indexes are keyed on the id, and a timed move, which
/// moves its game's deadline, is HOT too. The move's own statement runs in a transaction of the test's, whose counters PostgreSQL
/// gives at once (pg_stat_get_xact_*), on a game in the table's first page after enough games to fill it.
/// </summary>
[Trait("Category", "Data")]
public sealed class HotGameUpdateTests(PostgresStore store) : OneInstanceStoreTests(store), IClassFixture<PostgresStore>
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private KeyHolder Black => Holder("black");

    private KeyHolder White => Holder("white");

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task A_move_updates_its_game_row_in_place_without_touching_an_index(bool listed, bool timed)
    {
        var control = timed ? TimeControl.ByoYomi(TimeSpan.FromMinutes(5), 3, TimeSpan.FromSeconds(30)) : null;
        var (gameId, blackKey) = await NewGameAsync(listed, control);
        for (var more = 0; more < 200; more++)
        {
            await NewGameAsync(listed, control);
        }

        var moves = 0;
        // A backend of its own: PostgreSQL 15 keeps a backend's counters pending for up to a second across transactions,
        // so on a pooled connection pg_stat_get_xact_* also counted the previous case's moves (12 for 6, once in CI).
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(store.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var transaction = await connection.BeginTransactionAsync(Cancel);
        for (var row = 0; row < 6; row += 2)
        {
            var action = new GameAction(ActionType.PlaceStone, Color.Black, new Point(row, 0), T0.AddSeconds(row));
            var commit = new ActionCommit(gameId, row, blackKey, Black, action, GameStatus.Play, null, row, action.At, Deadline(control, action.At));
            await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { PostgresActionCommits.Command([commit]) } };
            Assert.NotNull(await batch.ExecuteScalarAsync(Cancel));
            moves++;

            // The other colour's move, so that the next version check passes.
            var reply = new GameAction(ActionType.PlaceStone, Color.White, new Point(row + 1, 0), T0.AddSeconds(row + 1));
            var replyCommit = new ActionCommit(gameId, row + 1, null, null, reply, GameStatus.Play, null, row + 1, reply.At, Deadline(control, reply.At));
            await using var replyBatch = new NpgsqlBatch(connection, transaction) { BatchCommands = { PostgresActionCommits.Command([replyCommit]) } };
            Assert.NotNull(await replyBatch.ExecuteScalarAsync(Cancel));
            moves++;
        }

        await using var counters = new NpgsqlCommand(
            "SELECT pg_stat_get_xact_tuples_updated('games'::regclass), pg_stat_get_xact_tuples_hot_updated('games'::regclass)", connection, transaction);
        await using var reader = await counters.ExecuteReaderAsync(Cancel);
        Assert.True(await reader.ReadAsync(Cancel));
        Assert.Equal((moves, moves), (reader.GetInt64(0), reader.GetInt64(1)));
    }

    /// <summary>A timed game's every move moves its deadline (here simply the main time from the move on).</summary>
    private static DateTimeOffset? Deadline(TimeControl? control, DateTimeOffset at) => control is null ? null : at + control.MainTime;

    private async Task<(long GameId, string BlackKey)> NewGameAsync(bool listed, TimeControl? control)
    {
        var (blackKey, whiteKey) = (NewKey(), NewKey());
        var gameId = await Games.CreateGameAsync(new NewGame(19, Ruleset.Japanese(), blackKey, whiteKey, Color.Black, Black, null, null, T0, control) { Listed = listed }, Cancel);
        await Games.TakeKeyAsync(new KeyTake(whiteKey, White, null, T0), Cancel);
        return (gameId, blackKey);
    }
}
