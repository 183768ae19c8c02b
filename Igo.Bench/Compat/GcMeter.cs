using System.Globalization;

namespace Igo.Bench.Compat;

/// <summary>
/// Garbage collection over a window: the app instances' (from their <c>/metrics</c>, .NET's System.Runtime counters) and
/// this generator's own. A collection stops every thread of its process, so each push in flight through it waits, and
/// the generator's pauses are in the latencies it reports as much as the app's (docs/BENCHMARKS.md, "What a pause is
/// made of"). An instance whose metrics cannot be read makes the app's figures unknown, not zero.
/// </summary>
internal sealed class GcMeter(IReadOnlyList<Uri> sockets) : IDisposable
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Uri[] metrics = [.. sockets.Distinct().Select(MetricsOf)];

    public async Task<GcSample> SampleAsync()
    {
        var generator = GcCounts.OfThisProcess();
        GcCounts? app = new GcCounts(0, 0, 0);
        foreach (var uri in metrics)
        {
            try
            {
                app = GcCounts.FromMetrics(await http.GetStringAsync(uri)) is { } counts ? app + counts : null;
            }
            catch (Exception unreadable) when (unreadable is HttpRequestException or TaskCanceledException)
            {
                app = null;
            }
        }

        return new GcSample(app, generator);
    }

    public void Dispose() => http.Dispose();

    private static Uri MetricsOf(Uri socket) =>
        new UriBuilder(socket) { Scheme = socket.Scheme == "wss" ? "https" : "http", Path = "/metrics", Query = "" }.Uri;
}

/// <summary>Collections (of any generation), time paused, and bytes allocated, since a process started.</summary>
internal readonly record struct GcCounts(long Collections, double PausedSeconds, long AllocatedBytes)
{
    public static GcCounts OfThisProcess() =>
        new(GC.CollectionCount(0), GC.GetTotalPauseDuration().TotalSeconds, GC.GetTotalAllocatedBytes());

    /// <summary>
    /// From the Prometheus text of an instance's <c>/metrics</c>: <c>dotnet_gc_collections_total</c> is counted by the
    /// oldest generation each collection took, so its series add up to all collections. Null when a counter is missing.
    /// </summary>
    public static GcCounts? FromMetrics(string text)
    {
        double? collections = null, paused = null, allocated = null;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("dotnet_gc_collections_total", StringComparison.Ordinal))
            {
                collections = (collections ?? 0) + ValueOf(line);
            }
            else if (line.StartsWith("dotnet_gc_pause_time_seconds_total", StringComparison.Ordinal))
            {
                paused = ValueOf(line);
            }
            else if (line.StartsWith("dotnet_gc_heap_total_allocated_bytes_total", StringComparison.Ordinal))
            {
                allocated = ValueOf(line);
            }
        }

        return collections is { } c && paused is { } p && allocated is { } a ? new GcCounts((long)c, p, (long)a) : null;
    }

    public static GcCounts operator +(GcCounts left, GcCounts right) =>
        new(left.Collections + right.Collections, left.PausedSeconds + right.PausedSeconds, left.AllocatedBytes + right.AllocatedBytes);

    public static GcCounts operator -(GcCounts after, GcCounts before) =>
        new(after.Collections - before.Collections, after.PausedSeconds - before.PausedSeconds, after.AllocatedBytes - before.AllocatedBytes);

    /// <summary>"12 collections, 258 ms paused, 20.1 KB allocated per action".</summary>
    public string Describe(long actions) => string.Create(CultureInfo.InvariantCulture,
        $"{Collections:N0} collections, {PausedSeconds * 1000:N0} ms paused, {(actions == 0 ? 0 : AllocatedBytes / 1024.0 / actions):F1} KB allocated per action");

    private static double ValueOf(string line) => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
}

internal readonly record struct GcSample(GcCounts? App, GcCounts Generator)
{
    public static GcSample operator -(GcSample after, GcSample before) =>
        new(after.App is { } a && before.App is { } b ? a - b : null, after.Generator - before.Generator);
}
