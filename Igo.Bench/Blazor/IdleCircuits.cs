using System.Globalization;
using Igo.Bench.Compat;

namespace Igo.Bench.Blazor;

/// <summary>
/// What an idle Blazor page costs the server (issue 13): for each page kind (the home page, a 9×9 game, a 19×19
/// game, each game page on a game of its own and holding its key, so the shared "time played" runs), a fresh app
/// process and a fresh headless Chromium. A few warm-up pages are opened first, so that what every circuit shares
/// (code, caches) is loaded; then the heap after a full collection, the app's CPU and its allocations over a quiet
/// window; then N more pages and the same again. The difference divided by N is one circuit's cost.
/// <code>dotnet run -c Release --project Igo.Bench -- blazor-idle [--kinds home,9,19] [--pages 50] [--warm 5] [--seconds 30] [--pg "&lt;Npgsql connection string&gt;"]</code>
/// </summary>
public static class IdleCircuits
{
    public static async Task<int> RunAsync(string[] args)
    {
        var kinds = (Option(args, "--kinds") ?? "home,9,19").Split(',');
        var pages = (Option(args, "--pages") ?? "50").Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var warm = int.Parse(Option(args, "--warm") ?? "5", CultureInfo.InvariantCulture);
        var window = TimeSpan.FromSeconds(int.Parse(Option(args, "--seconds") ?? "30", CultureInfo.InvariantCulture));
        var postgres = Option(args, "--pg");

        Console.WriteLine("| page | pages | heap per circuit (KB) | app CPU per page (ms/s) | allocated per page (KB/s) | heap before / after (MB) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var kind in kinds)
        {
            foreach (var count in pages)
            {
                await MeasureAsync(kind, count, warm, window, postgres);
            }
        }

        return 0;
    }

    private static async Task MeasureAsync(string kind, int count, int warm, TimeSpan window, string? postgres)
    {
        await using var app = await BlazorBenchApp.StartAsync(postgres);
        await using var browser = await HeadlessChromium.LaunchAsync(app.Process.BaseAddress);
        using var probe = new HeapProbe(app.Process.ProcessId, app.Process.BaseAddress);
        var meter = new CpuMeter([app.Process.ProcessId], null);
        var paths = kind == "home"
            ? Enumerable.Repeat("/", warm + count).ToList()
            : [.. (await app.CreateGamesAsync(warm + count, int.Parse(kind, CultureInfo.InvariantCulture), "black")).Select(key => $"/game/{Uri.EscapeDataString(key)}")];

        await browser.OpenAllAsync(paths.Take(warm));
        var before = await QuietWindowAsync(probe, meter, window);
        await browser.OpenAllAsync(paths.Skip(warm));
        var after = await QuietWindowAsync(probe, meter, window);

        var name = kind == "home" ? "home" : $"game {kind}×{kind}";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {count} | {(after.Heap - before.Heap) / count / 1024:F0} | {(after.CpuSecondsPerSecond - before.CpuSecondsPerSecond) * 1000 / count:F3} | {(after.AllocatedPerSecond - before.AllocatedPerSecond) / count / 1024:F2} | {before.Heap / 1048576:F1} / {after.Heap / 1048576:F1} |"));
    }

    /// <summary>Lets the pages settle, reads the heap, then measures CPU and allocation over a window in which nobody acts.</summary>
    private static async Task<WindowReading> QuietWindowAsync(HeapProbe probe, CpuMeter meter, TimeSpan window)
    {
        await Task.Delay(TimeSpan.FromSeconds(5));
        var heap = (await probe.CollectAndReadAsync()).LiveBytes;
        var allocated = await probe.AllocatedAsync();
        var cpu = meter.Sample();
        await Task.Delay(window);
        var cpuUsed = (meter.Sample() - cpu).App;
        var allocatedAfter = await probe.AllocatedAsync();
        return new WindowReading(heap, cpuUsed / window.TotalSeconds, (allocatedAfter - allocated) / window.TotalSeconds);
    }

    internal static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at < args.Length - 1 ? args[at + 1] : null;
    }

    private sealed record WindowReading(double Heap, double CpuSecondsPerSecond, double AllocatedPerSecond);
}
