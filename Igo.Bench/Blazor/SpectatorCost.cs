using System.Globalization;
using Igo.Bench.Compat;
using Igo.Domain;
using Igo.Testing.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Igo.Bench.Blazor;

/// <summary>
/// What one spectator costs the server per move (issue 12), without a browser on the machine: one 19×19 game played
/// over /websocket (two sockets, a move every <c>--pace-ms</c>), watched by more and more headless spectators
/// (<see cref="HeadlessSpectators"/>). At each count: the app's CPU while idle and over the moves (user and system
/// time, from /proc), and what each spectator received per move: render batches, bytes, the components that rendered
/// and their edits (<see cref="Igo.Testing.Circuits.RenderBatchShape"/>). A spectator's CPU per move is the growth of
/// the app's CPU per move from the previous count divided by the spectators added.
/// <code>dotnet run -c Release --project Igo.Bench -- blazor-watch-cost [--spectators 0,100,500] [--moves 40] [--pace-ms 750] [--pg "&lt;Npgsql connection string&gt;"]</code>
/// </summary>
public static class SpectatorCost
{
    private const int WarmUpMoves = 10;

    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(string[] args)
    {
        var steps = BenchOptions.Integers(args, "--spectators", "0,100,500");
        var moves = BenchOptions.Integer(args, "--moves", 40);
        var pace = TimeSpan.FromMilliseconds(BenchOptions.Integer(args, "--pace-ms", 750));
        var postgres = BenchOptions.Get(args, "--pg");

        await using var app = await BlazorBenchApp.StartAsync(postgres);
        await using var spectators = new HeadlessSpectators();
        await using var black = await Wire.ConnectAsync(app.Process.WebSocketUri);
        await using var white = await Wire.ConnectAsync(app.Process.WebSocketUri);
        await black.SendAsync(Wire.NewGame);
        var created = Wire.Seated((await black.ExpectMessageAsync("new_game_response")).Raw);
        await white.SendAsync(Wire.JoinGame(Wire.KeyOf(created, "white")));
        Wire.Seated((await white.ExpectMessageAsync("join_game_response")).Raw);
        using var drain = new CancellationTokenSource();
        var draining = Task.WhenAll(DrainAsync(black, drain.Token), DrainAsync(white, drain.Token));
        var watchPath = $"/watch/{await WatchIdAsync(app, postgres)}";
        var keys = (Black: Wire.KeyOf(created, "black"), White: Wire.KeyOf(created, "white"));

        Console.WriteLine($"app pid {app.Process.ProcessId}; one 19×19 game over /websocket, {WarmUpMoves} + {moves} moves a step (the first unmeasured), one every {pace.TotalMilliseconds:F0} ms, headless spectators");
        Console.WriteLine("| spectators | idle app CPU (%) | app CPU per move (ms) | less idle (ms) | per spectator per move (ms) | batches per spectator per move | bytes per spectator per move | components per batch | edits per batch | frames per batch | string bytes per batch | spectator p50 (ms) | spectator p99 (ms) | missed | load |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var meter = new CpuMeter([app.Process.ProcessId], null);
        var move = 0;
        double? previousPerMove = null;
        foreach (var count in steps.Order())
        {
            var added = count - spectators.Count;
            await spectators.OpenAsync(app.Process.BaseAddress, watchPath, added);
            await Task.Delay(Settle);

            // A few moves first, unmeasured: the tiered JIT compiles what the new circuits run.
            for (var i = 0; i < WarmUpMoves; i++, move++)
            {
                await PlayAsync(move, move % 2 == 0 ? (keys.Black, black) : (keys.White, white), pace);
            }

            await Task.Delay(Settle);
            var idleFrom = meter.Sample();
            await Task.Delay(IdleWindow);
            var idle = (meter.Sample() - idleFrom).App / IdleWindow.TotalSeconds;

            await Console.Error.WriteLineAsync($"measuring {count} spectators");
            var made = new List<(string Colour, string Point, double At)>();
            var start = Now();
            var cpu = meter.Sample();
            for (var i = 0; i < moves; i++, move++)
            {
                var (colour, key, socket) = move % 2 == 0 ? ("black", keys.Black, black) : ("white", keys.White, white);
                var (row, column) = Wire.Point(move);
                made.Add((colour, new Point(row, column).ToLabel(19), Now()));
                await PlayAsync(move, (key, socket), pace);
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            var used = (meter.Sample() - cpu).App;
            var end = Now();

            // The idle CPU (timers, the circuits' keep-alives) over the same time is not the moves'.
            var raw = used / moves * 1000;
            var perMove = (used - (idle * (end - start) / 1000)) / moves * 1000;
            var perSpectator = previousPerMove is { } before && added > 0 ? ((perMove - before) / added).ToString("F3", CultureInfo.InvariantCulture) : "";
            var traffic = spectators.TrafficBetween(start, end);
            var (latencies, missed) = spectators.LatenciesOf(made);
            var watchers = Math.Max(1, count);
            var batches = Math.Max(1, traffic.Batches);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {count} | {idle * 100:F1} | {raw:F2} | {perMove:F2} | {perSpectator} | {(double)traffic.Batches / watchers / moves:F2} | {(double)traffic.Bytes / watchers / moves:F0} | {(double)traffic.Components / batches:F1} | {(double)traffic.Edits / batches:F1} | {(double)traffic.Frames / batches:F1} | {(double)traffic.StringBytes / batches:F0} | {Percentile(latencies, 0.50):F0} | {Percentile(latencies, 0.99):F0} | {missed} | {File.ReadAllText("/proc/loadavg").Split(' ')[0]} |"));
            previousPerMove = perMove;
            if (spectators.Failed > 0)
            {
                Console.WriteLine($"{spectators.Failed} spectator circuits failed or closed");
            }
        }

        await drain.CancelAsync();
        await draining;
        Console.WriteLine($"Machine: {File.ReadAllText("/proc/loadavg").Trim()} (load average over 1, 5, 15 min, …)");
        return 0;
    }

    private static async Task PlayAsync(int move, (string Key, ProtocolClient Socket) player, TimeSpan pace)
    {
        await player.Socket.SendAsync(Wire.PlaceStone(player.Key, move));
        await Task.Delay(pace);
    }

    private static double Now() => TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();

    // The players' sockets get every game_status; nobody reads them, but they must not pile up.
    private static async Task DrainAsync(ProtocolClient socket, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await socket.ReceiveAsync(TimeSpan.FromSeconds(1));
            }
            catch (TimeoutException)
            {
                // Nothing this second.
            }
            catch (InvalidOperationException)
            {
                return;
            }
        }
    }

    // The watch id is the game's own, never a key: read from the store, as a player's page would show it.
    private static async Task<string> WatchIdAsync(BlazorBenchApp app, string? postgres)
    {
        const string Sql = "SELECT watch_id FROM games";
        if (postgres is null)
        {
            await using var sqlite = new SqliteConnection($"Data Source={app.SqlitePath}");
            await sqlite.OpenAsync();
            await using var read = new SqliteCommand(Sql, sqlite);
            return ((string)(await read.ExecuteScalarAsync())!).Trim();
        }

        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        return ((string)(await command.ExecuteScalarAsync())!).Trim();
    }

    private static double Percentile(List<double> sorted, double rank) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(rank * sorted.Count) - 1)];
}
