using System.Diagnostics;
using System.Globalization;

namespace Igo.Bench.Soak;

/// <summary>One reading of one instance: what the process holds and what its /metrics says.</summary>
internal sealed record InstanceSample(TimeSpan At, long WorkingSet, double GcHeap, int Sockets, double KestrelConnections, double ConnectedPlayers);

/// <summary>
/// Reads an app instance every sample: working set and open sockets from the process (Linux /proc), GC heap, Kestrel
/// connections and connected players from its Prometheus scrape (the names of the System.Runtime, Kestrel and Igo meters).
/// </summary>
internal sealed class InstanceSampler(int processId, Uri baseAddress) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };

    public async Task<InstanceSample> SampleAsync(TimeSpan at)
    {
        using var process = Process.GetProcessById(processId);
        var metrics = Parse(await http.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
        return new InstanceSample(
            at,
            process.WorkingSet64,
            Sum(metrics, "dotnet_gc_last_collection_heap_size_bytes"),
            OpenSockets(),
            Sum(metrics, "kestrel_active_connections"),
            Sum(metrics, "igo_connected_players"));
    }

    public void Dispose() => http.Dispose();

    private int OpenSockets()
    {
        var count = 0;
        foreach (var descriptor in Directory.EnumerateFileSystemEntries($"/proc/{processId}/fd"))
        {
            try
            {
                if (new FileInfo(descriptor).LinkTarget?.StartsWith("socket:", StringComparison.Ordinal) == true)
                {
                    count++;
                }
            }
            catch (IOException)
            {
                // Closed while listed.
            }
        }

        return count;
    }

    /// <summary>Every sample line of the Prometheus text: (metric name, value); comments skipped.</summary>
    internal static List<(string Name, double Value)> Parse(string text)
    {
        var samples = new List<(string, double)>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            // name{labels} value [timestamp]
            var nameEnd = line.IndexOfAny(['{', ' ']);
            var labelsEnd = nameEnd <= 0 ? -1 : line[nameEnd] == '{' ? line.IndexOf('}', nameEnd) + 1 : nameEnd;
            if (labelsEnd <= 0)
            {
                continue;
            }

            var fields = line[labelsEnd..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 0 && double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                samples.Add((line[..nameEnd], value));
            }
        }

        return samples;
    }

    internal static double Sum(List<(string Name, double Value)> samples, string name) =>
        samples.Where(s => s.Name == name).Sum(s => s.Value);
}
