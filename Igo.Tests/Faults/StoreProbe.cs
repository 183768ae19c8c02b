using Npgsql;

namespace Igo.Tests.Faults;

/// <summary>One action as the store recorded it.</summary>
public sealed record StoredAction(int Sequence, string Type, int? Row, int? Col, string Color);

/// <summary>Reads what PostgreSQL holds, behind the app's back: the ground truth the clients are compared with.</summary>
public sealed class StoreProbe(string connectionString)
{
    public async Task<long> GameIdAsync(string key)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT game_id FROM player_keys WHERE key = @key", connection);
        command.Parameters.AddWithValue("key", key);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<IReadOnlyList<StoredAction>> ActionsAsync(long gameId)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT sequence, type, point_row, point_col, color FROM actions WHERE game_id = @game ORDER BY sequence", connection);
        command.Parameters.AddWithValue("game", gameId);
        await using var reader = await command.ExecuteReaderAsync();
        var actions = new List<StoredAction>();
        while (await reader.ReadAsync())
        {
            actions.Add(new StoredAction(
                reader.GetInt32(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetInt32(2),
                reader.IsDBNull(3) ? null : reader.GetInt32(3),
                reader.GetString(4)));
        }

        return actions;
    }

    /// <summary>The game's stored status, result type and winner (null where none).</summary>
    public async Task<(string Status, string? ResultType, string? Winner, int Version)> GameAsync(long gameId)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT status, result_type, winner, version FROM games WHERE id = @game", connection);
        command.Parameters.AddWithValue("game", gameId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt32(3));
    }

    /// <summary>The instance that holds a key in the store, or null when it is free.</summary>
    public async Task<Guid?> HolderInstanceAsync(string key)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT held_by_instance FROM player_keys WHERE key = @key", connection);
        command.Parameters.AddWithValue("key", key);
        return await command.ExecuteScalarAsync() is Guid instance ? instance : null;
    }

    public async Task<int> KeysHeldByAsync(Guid instance)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM player_keys WHERE held_by_instance = @instance", connection);
        command.Parameters.AddWithValue("instance", instance);
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Terminates every server process on this database except this one: every pooled and listening connection dies.</summary>
    public async Task<int> TerminateOtherBackendsAsync()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()) AS terminated",
            connection);
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The other server processes on this database, as "pid state query" lines (for failure messages).</summary>
    public async Task<string> OtherBackendsAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT pid || ' ' || coalesce(state, '') || ' ' || left(query, 60) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    /// <summary>Server processes on this database whose last statement was a LISTEN: the instances' event listeners.</summary>
    public async Task<int> ListenersAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN %'",
            connection);
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>How long the youngest instance listener session has existed (null: none yet).</summary>
    public async Task<TimeSpan?> YoungestListenerAgeAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT min(now() - backend_start) FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'igo-listener-%'",
            connection);
        return await command.ExecuteScalarAsync() as TimeSpan?;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
