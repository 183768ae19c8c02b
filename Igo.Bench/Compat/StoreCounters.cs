using System.Globalization;
using Npgsql;

namespace Igo.Bench.Compat;

/// <summary>
/// What PostgreSQL counts about the Igo tables and statements (cumulative since the server started): index scans of
/// <c>games</c> and <c>player_keys</c>, transactions, and statements (pg_stat_statements, when the server loads it).
/// </summary>
internal sealed record StoreCounters(IReadOnlyDictionary<string, long> Counts, IReadOnlyList<(string Query, long Calls)> Statements)
{
    private const string TableSql = """
        SELECT relname || '.' || kind, value FROM pg_stat_user_tables,
          LATERAL (VALUES ('idx_scan', coalesce(idx_scan, 0)), ('seq_scan', seq_scan), ('n_tup_upd', n_tup_upd), ('n_tup_ins', n_tup_ins)) AS v(kind, value)
        WHERE relname IN ('games', 'player_keys', 'actions', 'chat_messages')
        UNION ALL
        SELECT 'transactions', xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()
        """;

    public static async Task<StoreCounters> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var counts = new Dictionary<string, long>();
        await using (var tables = new NpgsqlCommand(TableSql, connection))
        await using (var reader = await tables.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                counts[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        var statements = new List<(string, long)>();
        await using (var loaded = new NpgsqlCommand("SELECT count(*) FROM pg_extension WHERE extname = 'pg_stat_statements'", connection))
        {
            if ((long)(await loaded.ExecuteScalarAsync())! == 0)
            {
                return new StoreCounters(counts, statements);
            }
        }

        await using var query = new NpgsqlCommand("SELECT query, calls FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())", connection);
        await using var rows = await query.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            statements.Add((rows.GetString(0), rows.GetInt64(1)));
        }

        return new StoreCounters(counts, statements);
    }

    public StoreCounters Minus(StoreCounters before)
    {
        var earlier = before.Statements.GroupBy(s => s.Query).ToDictionary(g => g.Key, g => g.Sum(s => s.Calls));
        return new StoreCounters(
            Counts.ToDictionary(c => c.Key, c => c.Value - before.Counts.GetValueOrDefault(c.Key)),
            [.. Statements.GroupBy(s => s.Query).Select(g => (g.Key, g.Sum(s => s.Calls) - earlier.GetValueOrDefault(g.Key))).Where(s => s.Item2 > 0)]);
    }

    public void Print(long games)
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Per game, over all {games} games the run started (warm-up included):"));
        foreach (var (name, value) in Counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-28} {(double)value / games,8:F2}"));
        }

        if (Statements.Count == 0)
        {
            return;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"statements",-28} {(double)Statements.Sum(s => s.Calls) / games,8:F2}"));
        foreach (var (query, calls) in Statements.OrderByDescending(s => s.Calls).Take(25))
        {
            var oneLine = string.Join(' ', query.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {(double)calls / games,6:F2}  {oneLine[..Math.Min(150, oneLine.Length)]}"));
        }
    }
}
