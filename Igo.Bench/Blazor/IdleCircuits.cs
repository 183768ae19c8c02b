using System.Globalization;
using Igo.Bench.Compat;

namespace Igo.Bench.Blazor;

/// <summary>
/// What an idle Blazor page costs the server (issue 13). For each page kind (the home page, a 9×9 game, a 19×19 game;
/// each game page on a game of its own and holding its key, so the shared "time played" runs), a fresh app process and
/// a fresh headless Chromium. A few warm-up pages are opened first, so that what every circuit shares (code, caches) is
/// loaded; then pages are added up to each count in turn (50, then 100). At each count, once the pages have settled:
/// the heap after a full collection, then the app's CPU and its allocations over a window in which nobody acts. A
/// circuit's cost is the growth from one count to the next divided by the pages added, so that what grows once with
/// load (pools, caches) is not charged to the first pages.
/// <code>dotnet run -c Release --project Igo.Bench -- blazor-idle [--kinds home,9,19] [--pages 50,100] [--warm 5] [--seconds 30] [--pg "&lt;Npgsql connection string&gt;"] [--hold seconds]</code>
/// </summary>
public static class IdleCircuits
{
    public static async Task<int> RunAsync(string[] args)
    {
        var kinds = (BenchOptions.Get(args, "--kinds") ?? "home,9,19").Split(',');
        var counts = BenchOptions.Integers(args, "--pages", "50,100");
        var warm = BenchOptions.Integer(args, "--warm", 5);
        var window = TimeSpan.FromSeconds(BenchOptions.Integer(args, "--seconds", 30));
        var postgres = BenchOptions.Get(args, "--pg");
        var hold = TimeSpan.FromSeconds(BenchOptions.Integer(args, "--hold", 0));

        Console.WriteLine("| page | pages | heap per circuit (KB) | app CPU per page (ms/s) | allocated per page (KB/s) | heap (MB) | app CPU (ms/s) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var kind in kinds)
        {
            await MeasureAsync(kind, warm, counts, window, postgres, hold);
        }

        return 0;
    }

    private static async Task MeasureAsync(string kind, int warm, IReadOnlyList<int> counts, TimeSpan window, string? postgres, TimeSpan hold)
    {
        await using var app = await BlazorBenchApp.StartAsync(postgres);
        await using var browser = await HeadlessChromium.LaunchAsync(app.Process.BaseAddress);
        using var probe = new HeapProbe(app.Process.ProcessId, app.Process.BaseAddress);
        var meter = new CpuMeter([app.Process.ProcessId], null);
        var total = warm + counts.Max();
        var paths = kind == "home"
            ? Enumerable.Repeat("/", total).ToList()
            : [.. (await app.CreateGamesAsync(total, int.Parse(kind, CultureInfo.InvariantCulture))).Select(game => GameKeys.PathOf(game.Black))];
        var name = kind == "home" ? "home" : $"game {kind}×{kind}";

        await browser.OpenAllAsync(paths.Take(warm));
        var previous = await QuietWindowAsync(probe, meter, window);
        var open = warm;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {warm} (warm-up) | | | | {previous.Heap / 1048576:F1} | {previous.CpuSecondsPerSecond * 1000:F1} |"));
        foreach (var count in counts.Order())
        {
            await browser.OpenAllAsync(paths.Skip(open).Take(warm + count - open));
            var added = warm + count - open;
            open = warm + count;
            var now = await QuietWindowAsync(probe, meter, window);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {count} | {(now.Heap - previous.Heap) / added / 1024:F0} | {(now.CpuSecondsPerSecond - previous.CpuSecondsPerSecond) * 1000 / added:F3} | {(now.AllocatedPerSecond - previous.AllocatedPerSecond) / added / 1024:F2} | {now.Heap / 1048576:F1} | {now.CpuSecondsPerSecond * 1000:F1} |"));
            previous = now;
            if (hold > TimeSpan.Zero)
            {
                // Time to look inside, at each count: dotnet-dump collect -p <pid> --type Heap.
                Console.Error.WriteLine($"Holding {open} pages open for {hold.TotalSeconds:F0} s; the app is process {app.Process.ProcessId}");
                await Task.Delay(hold);
            }
        }
    }

    /// <summary>Lets the pages settle, reads the heap, then measures CPU and allocation over a window in which nobody acts.</summary>
    private static async Task<WindowReading> QuietWindowAsync(HeapProbe probe, CpuMeter meter, TimeSpan window)
    {
        await Task.Delay(TimeSpan.FromSeconds(10));
        var heap = (await probe.CollectAndReadAsync()).LiveBytes;
        var allocated = await probe.AllocatedAsync();
        var cpu = meter.Sample();
        await Task.Delay(window);
        var cpuUsed = (meter.Sample() - cpu).App;
        var allocatedAfter = await probe.AllocatedAsync();
        return new WindowReading(heap, cpuUsed / window.TotalSeconds, (allocatedAfter - allocated) / window.TotalSeconds);
    }

    private sealed record WindowReading(double Heap, double CpuSecondsPerSecond, double AllocatedPerSecond);
}
