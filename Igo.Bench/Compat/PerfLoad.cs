using System.Globalization;

namespace Igo.Bench.Compat;

/// <summary>
/// The load generator for <c>/websocket</c> (issue 13): the original igo-backend's perf_runner pattern. <c>--slots</c>
/// games at once; each slot plays a 19×19 game of <c>--moves</c> capture-free stones (default 60) and <c>--passes</c>
/// passes (default 2) over two fresh sockets (<see cref="PerfSlot"/>), and at once starts the next. With two
/// <c>--url</c>s black plays on the first instance and white on the second, so every push crosses instances through
/// PostgreSQL NOTIFY. Each phase reports two windows of <c>--seconds</c>: cold, from the start, and warm, from the end
/// of <c>--warmup</c>: games completed, actions (new_game, join_game, stones, passes) and actions/s, p50/p95/p99 of each
/// action's answer and of the opponent's push, errors by kind, CPU per action and per game (<see cref="CpuMeter"/>:
/// <c>--app-pid</c>, <c>--postmaster-pid</c>) and the load average, and under the table each window's garbage
/// collection in the app and the generator and the action path inside the app (<see cref="MetricsMeter"/>).
/// <c>--moves</c> may list values (0,10,0,10), one phase each against the same instances; <c>--moves 0 --passes 0</c> is game setup alone (create, join, two
/// releases), and <c>--pg</c> adds PostgreSQL's own counts per game (<see cref="StoreCounters"/>).
/// <code>dotnet run -c Release --project Igo.Bench -- perf-load --url ws://127.0.0.1:8888/websocket --slots 200 --seconds 20 --warmup 30</code>
/// Every socket comes from one address, so the server must allow them (Compat__MaxConnectionsPerAddress).
/// </summary>
public static class PerfLoad
{
    /// <summary>PostgreSQL flushes a backend's table statistics at the latest 10 s after it went idle.</summary>
    private static readonly TimeSpan StatisticsSettle = TimeSpan.FromSeconds(11);

    public static async Task<int> RunAsync(string[] args)
    {
        var urls = Options.Values(args, "--url").Select(u => new Uri(u)).DefaultIfEmpty(new Uri("ws://127.0.0.1:8888/websocket")).ToArray();
        var slots = Options.Int(args, "--slots", 50);
        var passes = Options.Int(args, "--passes", 2);
        var window = TimeSpan.FromSeconds(Options.Int(args, "--seconds", 20));
        var warmup = TimeSpan.FromSeconds(Options.Int(args, "--warmup", 30));
        var timeout = TimeSpan.FromSeconds(Options.Int(args, "--timeout", 10));
        var postgres = Options.Values(args, "--pg").FirstOrDefault();
        var phases = (Options.Values(args, "--moves").FirstOrDefault() ?? "60").Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        if (urls.Length > 2 || slots < 1 || passes is < 0 or > 2 || phases.Any(m => m is < 0 or > Wire.MaxMoves))
        {
            Console.Error.WriteLine($"perf-load takes one or two --url, --slots ≥ 1, --passes 0 to 2 (a third pass is not allowed once two ended play) and --moves 0 to {Wire.MaxMoves}");
            return 2;
        }

        var meter = CpuMeter.FromArgs(args);
        using var instances = new MetricsMeter(urls);
        Console.WriteLine(LoadWindow.Header);
        foreach (var moves in phases)
        {
            LoadWindow[] windows = [new("cold", TimeSpan.Zero, window), new("warm", warmup, window)];
            var recorder = new LoadRecorder(windows);
            var counters = postgres is null ? null : await StoreCounters.ReadAsync(postgres);
            using var stop = new CancellationTokenSource();
            var runs = Enumerable.Range(0, slots)
                .Select(_ => Task.Run(() => new PerfSlot(urls[0], urls[^1], moves, passes, timeout, recorder).RunAsync(stop.Token)))
                .ToArray();
            await MeasureAsync(windows, meter, instances);
            await stop.CancelAsync();
            await Task.WhenAll(runs);

            foreach (var measured in windows)
            {
                Console.WriteLine(measured.Row(urls.Length, slots, moves, passes));
            }

            foreach (var measured in windows)
            {
                Console.WriteLine(measured.Collections());
                Console.WriteLine(measured.ActionPath());
            }

            Console.WriteLine(recorder.Totals);

            if (postgres is not null && counters is not null)
            {
                await Task.Delay(StatisticsSettle);
                (await StoreCounters.ReadAsync(postgres)).Minus(counters).Print(recorder.Started);
            }
        }

        return 0;
    }

    /// <summary>Opens and closes each window at its time from now; the windows may overlap.</summary>
    private static async Task MeasureAsync(LoadWindow[] windows, CpuMeter meter, MetricsMeter instances)
    {
        var start = TimeProvider.System.GetTimestamp();
        var events = windows.Select(w => (At: w.From, Open: true, Window: w))
            .Concat(windows.Select(w => (At: w.Until, Open: false, Window: w)))
            .OrderBy(e => e.At).ThenBy(e => e.Open);
        foreach (var (at, open, measured) in events)
        {
            var wait = at - TimeProvider.System.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            if (open)
            {
                measured.Open(meter, await instances.SampleAsync());
            }
            else
            {
                measured.Close(meter, await instances.SampleAsync());
            }
        }
    }
}
