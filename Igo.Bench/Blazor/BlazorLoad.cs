using System.Globalization;
using Igo.Bench.Compat;

namespace Igo.Bench.Blazor;

/// <summary>
/// How many people playing through the Blazor UI one instance holds (issue 13). Both players of every game are game
/// pages in headless Chromium, each on its own circuit, playing at a human pace (<see cref="PagePlayer"/>: a random
/// think time, then a click on a random open point). Players are added in steps (games of two pages each); at each
/// step, after a settling time, a window in which every page plays: moves per second, the push latency (one page's
/// click to the opponent page showing the stone) p50/p99/max, moves made but never shown, and the CPU of the app and of
/// the browser. The steps stop after the first whose p99 passes the limit.
/// <code>dotnet run -c Release --project Igo.Bench -- blazor-load [--players 20,50,100,150,200] [--size 19] [--think 2,5] [--seconds 60] [--p99-ms 100] [--pg "&lt;Npgsql connection string&gt;"]</code>
/// </summary>
public static class BlazorLoad
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(15);

    /// <summary>A move not shown this long after it was made is counted as lost.</summary>
    private static readonly TimeSpan LostAfter = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(string[] args)
    {
        var steps = BenchOptions.Integers(args, "--players", "20,50,100,150,200");
        var size = BenchOptions.Integer(args, "--size", 19);
        var think = BenchOptions.Integers(args, "--think", "2,5");
        var window = TimeSpan.FromSeconds(BenchOptions.Integer(args, "--seconds", 60));
        var limit = BenchOptions.Integer(args, "--p99-ms", 100);
        var postgres = BenchOptions.Get(args, "--pg");
        var viewport = BenchOptions.Integers(args, "--viewport", "1280,860");
        var draw = args.Contains("--draw");

        await using var app = await BlazorBenchApp.StartAsync(postgres);
        await using var browser = await HeadlessChromium.LaunchAsync(app.Process.BaseAddress, viewport[0], viewport[1]);
        var games = new List<(PagePlayer Black, PagePlayer White)>();
        Console.WriteLine($"{size}×{size}, a move {think[0]}-{think[1]} s after the opponent's, {window.TotalSeconds:F0} s windows");
        Console.WriteLine("| players | moves/s | push p50 (ms) | push p99 (ms) | push max (ms) | lost | app CPU (%) | app CPU per move (ms) | browser CPU (%) |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var players in steps.Order())
        {
            var adding = (players / 2) - games.Count;
            foreach (var keys in await app.CreateGamesAsync(adding, size))
            {
                var black = new PagePlayer(await browser.OpenAsync(GameKeys.PathOf(keys.Black)));
                var white = new PagePlayer(await browser.OpenAsync(GameKeys.PathOf(keys.White)));
                await black.StartAsync("black", TimeSpan.FromSeconds(think[0]), TimeSpan.FromSeconds(think[1]), draw);
                await white.StartAsync("white", TimeSpan.FromSeconds(think[0]), TimeSpan.FromSeconds(think[1]), draw);
                games.Add((black, white));
            }

            await Task.Delay(Settle);
            var result = await MeasureAsync(app, games, window);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {games.Count * 2} | {result.MovesPerSecond:F1} | {result.P50:F0} | {result.P99:F0} | {result.Max:F0} | {result.Lost} | {result.AppCpu * 100:F0} | {result.AppCpuPerMove * 1000:F2} | {result.BrowserCpu * 100:F0} |"));
            if (result.P99 > limit)
            {
                break;
            }
        }

        Console.WriteLine($"Machine: {File.ReadAllText("/proc/loadavg").Trim()} (load average over 1, 5, 15 min, …)");
        return 0;
    }

    /// <summary>A window in which the games' pages play: moves per second, push latency, lost moves, CPU.</summary>
    internal static async Task<StepResult> MeasureAsync(BlazorBenchApp app, List<(PagePlayer Black, PagePlayer White)> games, TimeSpan window)
    {
        var meter = new CpuMeter([app.Process.ProcessId], null);
        var browserMeter = new CpuMeter(HeadlessChromium.ProcessIds(), null);
        var start = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        var cpu = meter.Sample();
        var browserCpu = browserMeter.Sample();
        await Task.Delay(window);
        var appUsed = (meter.Sample() - cpu).App;
        var browserUsed = (browserMeter.Sample() - browserCpu).App;
        var end = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();

        // Moves made in the window, each matched with its showing on the opponent's page (the k-th move one page made
        // is the k-th the other showed); read after the window, so that the last moves have had time to arrive.
        await Task.Delay(LostAfter);
        var latencies = new List<double>();
        var lost = 0;
        foreach (var (black, white) in games)
        {
            var blackLog = await black.ReadLogAsync();
            var whiteLog = await white.ReadLogAsync();
            foreach (var (made, shown) in new[] { (blackLog.Made, whiteLog.Shown), (whiteLog.Made, blackLog.Shown) })
            {
                for (var k = 0; k < made.Length; k++)
                {
                    if (made[k].At < start || made[k].At >= end)
                    {
                        continue;
                    }

                    if (k < shown.Length && shown[k].Point == made[k].Point)
                    {
                        latencies.Add(shown[k].At - made[k].At);
                    }
                    else
                    {
                        lost++;
                    }
                }
            }
        }

        latencies.Sort();
        var seconds = (end - start) / 1000.0;
        return new StepResult(
            latencies.Count / seconds,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            latencies.Count > 0 ? latencies[^1] : double.NaN,
            lost,
            appUsed / seconds,
            latencies.Count > 0 ? appUsed / latencies.Count : double.NaN,
            browserUsed / seconds);
    }

    private static double Percentile(List<double> sorted, double rank) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(rank * sorted.Count) - 1)];

    internal sealed record StepResult(double MovesPerSecond, double P50, double P99, double Max, int Lost, double AppCpu, double AppCpuPerMove, double BrowserCpu);
}
