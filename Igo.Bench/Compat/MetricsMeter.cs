using System.Globalization;

namespace Igo.Bench.Compat;

/// <summary>
/// What the app instances say of themselves in their <c>/metrics</c>, and this generator of itself, read at each end of
/// a window. Garbage collection: a collection stops every thread of its process, so each push in flight through it
/// waits, and the generator's pauses are in the latencies it reports as much as the app's (docs/BENCHMARKS.md, "What a
/// pause is made of"). The action's own path inside the app (<c>igo.action.duration</c>: the game's queue, the rules
/// and the durable commit) and the group commits (<c>igo.store.commit.duration</c>): what of the push's time is the
/// game's, and what is the sockets' either side of it. An instance whose metrics cannot be read makes the app's
/// figures unknown, not zero.
/// </summary>
internal sealed class MetricsMeter(IReadOnlyList<Uri> sockets) : IDisposable
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Uri[] metrics = [.. sockets.Distinct().Select(MetricsOf)];

    public async Task<MetricsSample> SampleAsync()
    {
        var generator = GcCounts.OfThisProcess();
        GcCounts? app = new GcCounts(0, 0, 0);
        BucketHistogram? actions = null, commits = null;
        var readable = true;
        foreach (var uri in metrics)
        {
            try
            {
                var text = await http.GetStringAsync(uri);
                app = GcCounts.FromMetrics(text) is { } counts ? app + counts : null;
                actions = Add(actions, BucketHistogram.FromMetrics(text, "igo_action_duration_seconds"));
                commits = Add(commits, BucketHistogram.FromMetrics(text, "igo_store_commit_duration_seconds"));
            }
            catch (Exception unreadable) when (unreadable is HttpRequestException or TaskCanceledException)
            {
                readable = false;
            }
        }

        return readable ? new MetricsSample(app, generator, actions, commits) : new MetricsSample(null, generator, null, null);
    }

    public void Dispose() => http.Dispose();

    private static BucketHistogram? Add(BucketHistogram? sum, BucketHistogram? instance) =>
        sum is null ? instance : instance is null ? sum : sum + instance;

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

/// <summary>
/// One reading of <see cref="MetricsMeter"/>: the app's figures are null when an instance could not be read, and a
/// histogram is null too before its first observation (an instance exports it from then on).
/// </summary>
internal sealed record MetricsSample(GcCounts? AppGc, GcCounts GeneratorGc, BucketHistogram? Actions, BucketHistogram? Commits)
{
    public static MetricsSample operator -(MetricsSample after, MetricsSample before)
    {
        var read = after.AppGc is not null && before.AppGc is not null;
        return new MetricsSample(
            read ? after.AppGc - before.AppGc : null,
            after.GeneratorGc - before.GeneratorGc,
            read ? Since(after.Actions, before.Actions) : null,
            read ? Since(after.Commits, before.Commits) : null);
    }

    private static BucketHistogram? Since(BucketHistogram? after, BucketHistogram? before) =>
        after is null ? null : before is null ? after : after - before;
}
