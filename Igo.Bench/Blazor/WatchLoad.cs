using System.Globalization;

namespace Igo.Bench.Blazor;

/// <summary>
/// What spectators cost (issue 12): one game played through two game pages at a brisk human pace
/// (<see cref="PagePlayer"/>), watched by more and more spectators, each a watch page (/watch/{id}) on its own circuit in
/// the same headless Chromium (hidden, as <see cref="PagePlayer"/>'s pages are: the DOM is kept up to date, nothing is
/// drawn). At each count, once the pages have settled: the heap after a full collection, then a window in which the
/// players play: their push latency (one page's click to the other page showing the stone) p50/p99/max, and the app's
/// CPU. A spectator circuit's memory is the heap's growth from one count to the next divided by the spectators added.
/// The one game goes on through every step, and the players only place stones: keep the moves of the whole run (about
/// steps × (window + 25 s) / mean think time) well under what the board holds (about 250 on 19×19, 60 on 9×9), or
/// the later windows find no open point and measure nothing.
/// With <c>--headless</c> the spectators are headless circuits (<see cref="HeadlessSpectators"/>) instead of pages, so
/// that 500 of them fit on two cores (the players stay pages), and each step also gives the spectators' update latency
/// (a player's click to a spectator's render batch announcing the move) p50/p99, the spectator updates missed, the
/// app's CPU per move and the bytes each spectator received per move. The headless spectators run in a process of
/// their own at nice 19 (<c>--spectators-nice</c>, <see cref="SpectatorProcess"/>): on a shared machine they take only
/// the CPU the app and the players' browser leave, so that the players' figures are the server's.
/// <code>dotnet run -c Release --project Igo.Bench -- blazor-watch [--headless] [--spectators-nice 19] [--spectators 0,100,250,500] [--size 19] [--think-ms 1000,2000] [--seconds 60] [--pg "&lt;Npgsql connection string&gt;"]</code>
/// </summary>
public static class WatchLoad
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(string[] args)
    {
        var steps = BenchOptions.Integers(args, "--spectators", "0,100,250,500");
        var size = BenchOptions.Integer(args, "--size", 19);
        var think = BenchOptions.Integers(args, "--think-ms", "1000,2000");
        var window = TimeSpan.FromSeconds(BenchOptions.Integer(args, "--seconds", 60));
        var postgres = BenchOptions.Get(args, "--pg");
        if (args.Contains("--headless"))
        {
            return await RunHeadlessAsync(steps, size, think, window, postgres, BenchOptions.Integer(args, "--spectators-nice", 19));
        }

        await using var app = await BlazorBenchApp.StartAsync(postgres);
        await using var browser = await HeadlessChromium.LaunchAsync(app.Process.BaseAddress);
        using var probe = new HeapProbe(app.Process.ProcessId, app.Process.BaseAddress);
        var keys = (await app.CreateGamesAsync(1, size))[0];
        var black = new PagePlayer(await browser.OpenAsync(GameKeys.PathOf(keys.Black)));
        var white = new PagePlayer(await browser.OpenAsync(GameKeys.PathOf(keys.White)));
        var watchPath = new Uri(await black.Page.Locator("#watch-link").InputValueAsync()).AbsolutePath;

        Console.WriteLine($"One {size}×{size} game, a move {think[0]}-{think[1]} ms after the opponent's, {window.TotalSeconds:F0} s windows");
        Console.WriteLine("| spectators | heap per spectator circuit (KB) | heap (MB) | moves/s | push p50 (ms) | push p99 (ms) | push max (ms) | lost | app CPU (%) |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var open = 0;
        double? previousHeap = null;
        var playing = false;
        foreach (var count in steps.Order())
        {
            var spectators = await browser.OpenAllAsync(Enumerable.Repeat(watchPath, count - open));
            foreach (var page in spectators)
            {
                await page.AddStyleTagAsync(new() { Content = "body { display: none !important; }" });
            }

            var added = count - open;
            open = count;
            await Task.Delay(Settle);
            var heap = (await probe.CollectAndReadAsync()).LiveBytes;
            if (!playing)
            {
                await black.StartAsync("black", TimeSpan.FromMilliseconds(think[0]), TimeSpan.FromMilliseconds(think[1]), draw: false);
                await white.StartAsync("white", TimeSpan.FromMilliseconds(think[0]), TimeSpan.FromMilliseconds(think[1]), draw: false);
                playing = true;
            }

            var result = await BlazorLoad.MeasureAsync(app, [(black, white)], window);
            var perSpectator = previousHeap is { } before && added > 0 ? ((heap - before) / added / 1024).ToString("F0", CultureInfo.InvariantCulture) : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {count} | {perSpectator} | {heap / 1048576:F1} | {result.MovesPerSecond:F1} | {result.P50:F0} | {result.P99:F0} | {result.Max:F0} | {result.Lost} | {result.AppCpu * 100:F0} |"));
            previousHeap = heap;
        }

        Console.WriteLine($"Machine: {File.ReadAllText("/proc/loadavg").Trim()} (load average over 1, 5, 15 min, …)");
        return 0;
    }

    private static async Task<int> RunHeadlessAsync(IReadOnlyList<int> steps, int size, IReadOnlyList<int> think, TimeSpan window, string? postgres, int niceness)
    {
        await using var app = await BlazorBenchApp.StartAsync(postgres);
        await using var browser = await HeadlessChromium.LaunchAsync(app.Process.BaseAddress);
        using var probe = new HeapProbe(app.Process.ProcessId, app.Process.BaseAddress);
        var keys = (await app.CreateGamesAsync(1, size))[0];
        var black = new PagePlayer(await browser.OpenAsync(GameKeys.PathOf(keys.Black)));
        var white = new PagePlayer(await browser.OpenAsync(GameKeys.PathOf(keys.White)));
        var watchPath = new Uri(await black.Page.Locator("#watch-link").InputValueAsync()).AbsolutePath;
        await using var spectators = SpectatorProcess.Start(app.Process.BaseAddress, watchPath, niceness);

        Console.WriteLine($"One {size}×{size} game, a move {think[0]}-{think[1]} ms after the opponent's, {window.TotalSeconds:F0} s windows, headless spectators in a process at nice {niceness}");
        Console.WriteLine("| spectators | heap per spectator circuit (KB) | heap (MB) | moves/s | push p50 (ms) | push p99 (ms) | push max (ms) | lost | spectator p50 (ms) | spectator p99 (ms) | spectator missed | app CPU (%) | app CPU per move (ms) | bytes per spectator per move | load |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        double? previousHeap = null;
        var playing = false;
        foreach (var count in steps.Order())
        {
            var added = count - spectators.Count;
            await spectators.OpenAsync(added);
            await Task.Delay(Settle);
            var heap = (await probe.CollectAndReadAsync()).LiveBytes;
            if (!playing)
            {
                await black.StartAsync("black", TimeSpan.FromMilliseconds(think[0]), TimeSpan.FromMilliseconds(think[1]), draw: false);
                await white.StartAsync("white", TimeSpan.FromMilliseconds(think[0]), TimeSpan.FromMilliseconds(think[1]), draw: false);
                playing = true;
            }

            var start = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
            var result = await BlazorLoad.MeasureAsync(app, [(black, white)], window);
            var end = start + window.TotalMilliseconds;
            var made = new List<(string Colour, string Point, double At)>();
            foreach (var (player, colour) in new[] { (black, "black"), (white, "white") })
            {
                made.AddRange((await player.ReadLogAsync()).Made.Where(m => m.At >= start && m.At < end).Select(m => (colour, m.Point, m.At)));
            }

            // The batches of the window's moves: from its start to a second after it (the last move's batches).
            var report = await spectators.ReportAsync(made, start, end + 1000);
            var bytes = count > 0 && made.Count > 0 ? (report.Traffic.Bytes / (double)count / made.Count).ToString("F0", CultureInfo.InvariantCulture) : "";
            var perSpectator = previousHeap is { } before && added > 0 ? ((heap - before) / added / 1024).ToString("F0", CultureInfo.InvariantCulture) : "";
            var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {count} | {perSpectator} | {heap / 1048576:F1} | {result.MovesPerSecond:F1} | {result.P50:F0} | {result.P99:F0} | {result.Max:F0} | {result.Lost} | {Percentile(report.Latencies, 0.50):F0} | {Percentile(report.Latencies, 0.99):F0} | {report.Missed} | {result.AppCpu * 100:F0} | {result.AppCpuPerMove * 1000:F1} | {bytes} | {load} |"));
            if (report.Failed > 0)
            {
                Console.WriteLine($"{report.Failed} spectator circuits failed or closed");
            }

            previousHeap = heap;
        }

        Console.WriteLine($"Machine: {File.ReadAllText("/proc/loadavg").Trim()} (load average over 1, 5, 15 min, …)");
        return 0;
    }

    private static double Percentile(List<double> sorted, double rank) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(rank * sorted.Count) - 1)];
}
