using System.Diagnostics;
using System.Globalization;
using Igo.Data.Stores;
using Igo.Domain;
using Igo.Web.Games;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Igo.Bench;

/// <summary>
/// What timeouts cost the store (docs/BENCHMARKS.md, "Timed games"): with <c>games</c> timed games in progress on
/// PostgreSQL (clocks running, deadlines an hour away), the sweep's query every instance runs each second (time and
/// round trips, and its plan), then, with <c>due</c> more games whose flag has fallen and whose players have left, the
/// cost of ending each on time the way an instance's sweep does (open the game here, commit the timeout, publish it).
/// One instance, its own sweep off, so only the measured sweeps run.
/// <c>dotnet run -c Release --project Igo.Bench -- timeouts "&lt;Npgsql connection string&gt;" [games=1000] [due=50]</c>
/// </summary>
internal static class TimeoutLoad
{
    private const int QueryRepeats = 200;

    public static async Task RunAsync(string connectionString, int games, int due)
    {
        using var trips = new RoundTripCounter();
        await using var instance = await BenchInstance.StartAsync(
            connectionString,
            services => services.Remove(services.Single(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType == typeof(TimeoutSweeper))));
        var coordinator = instance.Services.GetRequiredService<IGameCoordinator>();
        var store = instance.Services.GetRequiredService<GameStore>();
        var settings = instance.Services.GetRequiredService<IOptions<ClockOptions>>().Value;
        var sweeper = ActivatorUtilities.CreateInstance<TimeoutSweeper>(instance.Services);

        var setup = Stopwatch.StartNew();
        await ParallelAsync(games, g => InProgressAsync(coordinator, TimeControl.Absolute(TimeSpan.FromHours(1)), $"run{g}"));
        Console.WriteLine($"{games:N0} timed games in progress, set up in {setup.Elapsed.TotalSeconds:F1} s");

        // The sweep's read with nothing due, as every instance runs it every SweepInterval.
        for (var i = 0; i < 20; i++)
        {
            await store.DueDeadlinesAsync(TimeProvider.System.GetUtcNow() - settings.LagAllowance, settings.SweepBatch, CancellationToken.None);
        }

        trips.Reset();
        var timer = Stopwatch.StartNew();
        for (var i = 0; i < QueryRepeats; i++)
        {
            await store.DueDeadlinesAsync(TimeProvider.System.GetUtcNow() - settings.LagAllowance, settings.SweepBatch, CancellationToken.None);
        }

        Console.WriteLine(
            $"sweep read, nothing due, {games:N0} in progress: {timer.Elapsed.TotalMilliseconds / QueryRepeats:F3} ms per sweep, {(double)trips.Count / QueryRepeats:F1} round trips");
        await PrintPlanAsync(connectionString);

        // Games whose black clock runs out in 1 s, both players gone.
        var ending = await ParallelAsync(due, g => InProgressAsync(coordinator, TimeControl.Absolute(TimeSpan.FromSeconds(1)), $"due{g}", leave: true));
        await Task.Delay(TimeSpan.FromSeconds(1) + settings.LagAllowance + TimeSpan.FromMilliseconds(200));

        trips.Reset();
        var sweepTimer = Stopwatch.StartNew();
        var timedOut = 0;
        for (var swept = -1; swept != 0;)
        {
            swept = await sweeper.SweepAsync(settings, CancellationToken.None);
            timedOut += swept;
        }

        var elapsed = sweepTimer.Elapsed;
        Console.WriteLine(
            $"ending {timedOut} games on time in sweeps of {settings.SweepBatch}: {elapsed.TotalMilliseconds / Math.Max(1, timedOut):F2} ms per game (wall, one after another), " +
            $"{(double)trips.Count / Math.Max(1, timedOut):F1} round trips per game, {(double)trips.Notifies / Math.Max(1, timedOut):F2} NOTIFY round trips per game");
        foreach (var statement in trips.Statements.GroupBy(s => s).OrderByDescending(g => g.Count()))
        {
            Console.WriteLine($"  {statement.Count(),5} x {Shorten(statement.Key)}");
        }

        var ended = 0;
        foreach (var gameId in ending)
        {
            ended += (await store.LoadGameAsync(gameId, CancellationToken.None))?.Game.ResultType == ResultType.Time ? 1 : 0;
        }

        Console.WriteLine($"{ended} of {due} games ended on time");
    }

    /// <summary>A timed game after both free first moves (black's clock runs); its players leave when asked.</summary>
    private static async Task<long> InProgressAsync(IGameCoordinator coordinator, TimeControl control, string name, bool leave = false)
    {
        var created = await coordinator.CreateGameAsync(
            new NewGameRequest(9, Ruleset.Japanese(), Color.Black, OpponentKind.Human, TimeControl: control), new SeatHolder(ConnectionKind.Socket, name + "-b"));
        var black = created.Seat ?? throw new InvalidOperationException(created.ToString());
        var white = (await coordinator.JoinGameAsync(black.Keys.White, null, new SeatHolder(ConnectionKind.Socket, name + "-w"))).Seat
            ?? throw new InvalidOperationException("join failed");
        Must(await black.ActAsync(ActionType.PlaceStone, new Point(2, 2)));
        Must(await white.ActAsync(ActionType.PlaceStone, new Point(6, 6)));
        if (leave)
        {
            await black.DisposeAsync();
            await white.DisposeAsync();
        }

        return black.GameId;
    }

    private static void Must(ActionReply reply)
    {
        if (!reply.Success)
        {
            throw new InvalidOperationException($"A move was refused: {reply}");
        }
    }

    private static async Task<List<long>> ParallelAsync(int count, Func<int, Task<long>> make)
    {
        var ids = new List<long>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var id = await make(i);
                lock (ids)
                {
                    ids.Add(id);
                }
            }
        }));
        return ids;
    }

    /// <summary>The sweep's query plan as PostgreSQL runs it now (the partial index on open games' deadlines).</summary>
    private static async Task PrintPlanAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id, version, deadline FROM games WHERE deadline IS NOT NULL AND deadline <= now() ORDER BY deadline LIMIT 50",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Console.WriteLine("  plan: " + reader.GetString(0));
        }
    }

    private static string Shorten(string statement) => statement.Length > 140 ? statement[..140] + "…" : statement;

    internal static int Number(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

    /// <summary>Npgsql's trace of every command and batch it sends: one activity per round trip.</summary>
    private sealed class RoundTripCounter : IDisposable
    {
        private readonly ActivityListener listener;
        private readonly List<string> statements = [];
        private int notifies;

        public RoundTripCounter()
        {
            listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = Record,
            };
            ActivitySource.AddActivityListener(listener);
        }

        public int Count
        {
            get
            {
                lock (statements)
                {
                    return statements.Count;
                }
            }
        }

        public int Notifies => Volatile.Read(ref notifies);

        public IReadOnlyList<string> Statements
        {
            get
            {
                lock (statements)
                {
                    return [.. statements];
                }
            }
        }

        public void Reset()
        {
            lock (statements)
            {
                statements.Clear();
            }

            Volatile.Write(ref notifies, 0);
        }

        public void Dispose() => listener.Dispose();

        // The presence lease's heartbeats are the instance's, not the games'; a NOTIFY batch is counted apart.
        private void Record(Activity activity)
        {
            var statement = (activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement")) as string;
            if (statement is null || statement.Contains("instances", StringComparison.Ordinal))
            {
                return;
            }

            if (statement.Contains("pg_notify", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref notifies);
                return;
            }

            lock (statements)
            {
                statements.Add(string.Join(' ', statement.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)));
            }
        }
    }
}
