using System.Diagnostics.Tracing;
using System.Globalization;
using Igo.Bench.Soak;
using Microsoft.Diagnostics.NETCore.Client;

namespace Igo.Bench.Blazor;

/// <summary>A reading of the app's managed heap after a full blocking collection, and the counters a window needs.</summary>
internal sealed record HeapReading(double LiveBytes, double AllocatedBytes);

/// <summary>
/// Reads the GC heap of an app process from outside, with nothing added to the app: a full blocking collection is
/// induced through the runtime's diagnostics port (an EventPipe session that enables the runtime provider's
/// GCHeapCollect keyword, as dotnet-gcdump does), then the app's own /metrics gives the heap after that collection,
/// less its fragmentation (the System.Runtime meter's names).
/// </summary>
internal sealed class HeapProbe(int processId, Uri baseAddress) : IDisposable
{
    private const long GcHeapCollectKeyword = 0x800000;
    private readonly HttpClient http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async Task<HeapReading> CollectAndReadAsync()
    {
        var before = await ScrapeAsync();
        var after = before;
        var client = new DiagnosticsClient(processId);
        using (var session = client.StartEventPipeSession(
                   new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcHeapCollectKeyword),
                   requestRundown: false,
                   circularBufferMB: 4))
        {
            var draining = session.EventStream.CopyToAsync(Stream.Null);
            for (var polls = 0; polls < 100 && Gen2Count(after) <= Gen2Count(before); polls++)
            {
                await Task.Delay(100);
                after = await ScrapeAsync();
            }

            await session.StopAsync(CancellationToken.None);
            await draining;
            if (Gen2Count(after) <= Gen2Count(before))
            {
                throw new InvalidOperationException("The app did not run the full collection it was asked for.");
            }
        }

        var samples = InstanceSampler.Parse(after);
        return new HeapReading(
            InstanceSampler.Sum(samples, "dotnet_gc_last_collection_heap_size_bytes") - InstanceSampler.Sum(samples, "dotnet_gc_last_collection_heap_fragmentation_size_bytes"),
            InstanceSampler.Sum(samples, "dotnet_gc_heap_total_allocated_bytes_total"));
    }

    /// <summary>Bytes the app allocated since it started (no collection induced).</summary>
    public async Task<double> AllocatedAsync() =>
        InstanceSampler.Sum(InstanceSampler.Parse(await ScrapeAsync()), "dotnet_gc_heap_total_allocated_bytes_total");

    public void Dispose() => http.Dispose();

    private Task<string> ScrapeAsync() => http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

    private static double Gen2Count(string scrape)
    {
        foreach (var line in scrape.Split('\n'))
        {
            if (line.StartsWith("dotnet_gc_collections_total{", StringComparison.Ordinal) && line.Contains("\"gen2\"", StringComparison.Ordinal))
            {
                return double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
