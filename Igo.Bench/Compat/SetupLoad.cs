using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using Igo.Testing.Sockets;
using Npgsql;

namespace Igo.Bench.Compat;

/// <summary>
/// Game setup under load (issue 13, docs/BENCHMARKS.md "Game setup"): slots that each, over and over, open two fresh
/// sockets, create a 19×19 game on one, join it on the other, play <c>--moves</c> stones (default none; each player moves
/// once it has seen the opponent's move), and close both sockets (the two releases). Reports games per second and CPU
/// per game (app, PostgreSQL, generator), and with <c>--pg</c> what PostgreSQL counted per game: index scans of
/// <c>games</c> and <c>player_keys</c>, transactions, and statements (pg_stat_statements, when the server loads it).
/// With two URLs, black plays on the first instance and white on the second. Comparing runs with 0 and 10 moves gives
/// the CPU of ten moves beside that of a game's setup.
/// <code>dotnet run -c Release --project Igo.Bench -- setup-load --url ws://127.0.0.1:8888/websocket --slots 50 --seconds 30 --warmup 10 --moves 0 --pg "Host=…"</code>
/// </summary>
public static class SetupLoad
{
    /// <summary>PostgreSQL flushes a backend's table statistics at the latest 10 s after it went idle.</summary>
    private static readonly TimeSpan StatisticsSettle = TimeSpan.FromSeconds(11);

    public static async Task<int> RunAsync(string[] args)
    {
        var urls = Options.Values(args, "--url").Select(u => new Uri(u)).DefaultIfEmpty(new Uri("ws://127.0.0.1:8888/websocket")).ToArray();
        var slots = Options.Int(args, "--slots", 50);
        var seconds = Options.Int(args, "--seconds", 30);
        var warmup = Options.Int(args, "--warmup", 10);
        var postgres = Options.Values(args, "--pg").FirstOrDefault();
        var meter = CpuMeter.FromArgs(args);

        // One phase per moves value, one after another against the same (warm) instances.
        foreach (var moves in (Options.Values(args, "--moves").FirstOrDefault() ?? "0").Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)))
        {
            var counters = postgres is null ? null : await StoreCounters.ReadAsync(postgres);
            var tally = new Tally();
            using var stop = new CancellationTokenSource();
            var runs = Enumerable.Range(0, slots).Select(_ => Task.Run(() => SlotAsync(urls, moves, tally, stop.Token))).ToArray();

            await Task.Delay(TimeSpan.FromSeconds(warmup));
            var (gamesBefore, cpuBefore, clock) = (tally.Games, meter.Sample(), Stopwatch.StartNew());
            await Task.Delay(TimeSpan.FromSeconds(seconds));
            var (gamesAfter, cpuAfter, elapsed) = (tally.Games, meter.Sample(), clock.Elapsed.TotalSeconds);
            await stop.CancelAsync();
            await Task.WhenAll(runs);

            var measured = gamesAfter - gamesBefore;
            var cpu = cpuAfter - cpuBefore;
            Console.WriteLine("| slots | instances | moves | games | seconds | games/s | failures | CPU ms per game: app / PostgreSQL / generator |");
            Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {slots} | {urls.Length} | {moves} | {measured} | {elapsed:F1} | {measured / elapsed:F1} | {tally.Failures} | {cpu.App * 1000 / measured:F2} / {cpu.Postgres * 1000 / measured:F2} / {cpu.Generator * 1000 / measured:F2} |"));

            if (postgres is not null && counters is not null)
            {
                await Task.Delay(StatisticsSettle);
                (await StoreCounters.ReadAsync(postgres)).Minus(counters).Print(tally.Started);
            }

            Console.WriteLine();
        }

        return 0;
    }

    private static async Task SlotAsync(Uri[] urls, int moves, Tally tally, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var black = await CompatLoad.ConnectAsync(urls[0]);
                await using var white = await CompatLoad.ConnectAsync(urls[^1]);
                tally.Start();
                await black.SendAsync("""{"type":"new_game","vs":"human","color":"black","size":19,"komi":6.5}""");
                var created = Seated((await black.ExpectMessageAsync("new_game_response")).Raw);
                await black.ExpectMessageAsync("game_status");
                await black.ExpectMessageAsync("chat");
                await black.ExpectMessageAsync("opponent_connected");

                await white.SendAsync($$"""{"type":"join_game","key":"{{CompatLoad.KeyOf(created, "white")}}"}""");
                var blackKey = CompatLoad.KeyOf(created, "black");
                var whiteKey = CompatLoad.KeyOf(Seated((await white.ExpectMessageAsync("join_game_response")).Raw), "white");
                await white.ExpectMessageAsync("game_status");
                await white.ExpectMessageAsync("chat");
                await white.ExpectMessageAsync("opponent_connected");
                await black.ExpectMessageAsync("opponent_connected");
                for (var move = 0; move < moves; move++)
                {
                    var (mover, opponent, key) = move % 2 == 0 ? (black, white, blackKey) : (white, black, whiteKey);
                    await mover.SendAsync(CompatLoad.PlaceStone(key, move));
                    var pushed = opponent.ExpectMessageAsync("game_status");
                    var response = (await mover.ExpectMessageAsync("game_action_response")).Raw;
                    if (!response.Contains("\"success\":true", StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException($"Move refused: {response}");
                    }

                    await pushed;
                    await mover.ExpectMessageAsync("game_status");
                }
                tally.Finish();
            }
            catch (Exception failure) when (failure is OperationCanceledException or TimeoutException or UnexpectedMessageException or WebSocketException or InvalidOperationException)
            {
                tally.Fail();
                Console.Error.WriteLine($"A game's setup failed: {failure.Message}");
            }
        }
    }

    /// <summary>Games started, set up (and played) to the end, and failed, counted by all slots at once.</summary>
    private sealed class Tally
    {
        private long started;
        private long games;
        private long failures;

        public long Started => Interlocked.Read(ref started);

        public long Games => Interlocked.Read(ref games);

        public long Failures => Interlocked.Read(ref failures);

        public void Start() => Interlocked.Increment(ref started);

        public void Finish() => Interlocked.Increment(ref games);

        public void Fail() => Interlocked.Increment(ref failures);
    }

    /// <summary>A new/join response that gave a seat (it has keys); a refusal is a failure of the game.</summary>
    private static string Seated(string response) => response.Contains("\"keys\":null", StringComparison.Ordinal)
        ? throw new InvalidOperationException($"Refused: {response[..Math.Min(300, response.Length)]}")
        : response;

    /// <summary>What PostgreSQL counts about the Igo tables and statements (cumulative since the server started).</summary>
    private sealed record StoreCounters(IReadOnlyDictionary<string, long> Counts, IReadOnlyList<(string Query, long Calls)> Statements)
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
}
