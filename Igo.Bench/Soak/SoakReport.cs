using System.Globalization;

namespace Igo.Bench.Soak;

/// <summary>The soak's table (one row per sample, as it goes) and its verdict: errors, and growth after the warm-up third.</summary>
internal static class SoakReport
{
    private const double Mib = 1 << 20;

    /// <summary>Open sockets may wander by this much (reconnects in flight) without counting as growth.</summary>
    private const double ConnectionSlack = 0.10;

    public static void PrintHeader() =>
        Console.WriteLine("| s | A working set MiB | A GC heap MiB | A sockets | A Kestrel conns | A players | B working set MiB | B GC heap MiB | B sockets | B Kestrel conns | B players | errors |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");

    public static void PrintRow((InstanceSample A, InstanceSample B, int Errors) row) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {row.A.At.TotalSeconds:F0} | {Cells(row.A)} | {Cells(row.B)} | {row.Errors} |"));

    public static int Verdict(SoakSettings settings, List<(InstanceSample A, InstanceSample B, int Errors)> samples, SoakErrors errors, int gamesPlayed, int actions, TimeSpan elapsed)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"games completed {gamesPlayed}, actions {actions} ({actions / elapsed.TotalSeconds:F0}/s), errors {errors.Count}"));
        foreach (var error in errors.First)
        {
            Console.WriteLine($"  error: {error}");
        }

        var failed = errors.Count > 0;
        if (samples.Count < 6)
        {
            Console.WriteLine("too few samples to judge growth");
            return 1;
        }

        // The first third warms up (JIT, pools, the GC finding its budget); then the mean of the middle third is compared
        // with the mean of the last third. Means, because the GC heap is a sawtooth: single samples would judge its phase.
        var third = samples.Count / 3;
        var middle = samples.Skip(third).Take(third).ToList();
        var last = samples.Skip(2 * third).ToList();
        foreach (var (name, pick) in new (string, Func<(InstanceSample A, InstanceSample B, int Errors), InstanceSample>)[] { ("A", s => s.A), ("B", s => s.B) })
        {
            var workingSet = last.Average(s => (double)pick(s).WorkingSet) - middle.Average(s => (double)pick(s).WorkingSet);
            var heap = last.Average(s => pick(s).GcHeap) - middle.Average(s => pick(s).GcHeap);
            var socketsBefore = middle.Max(s => pick(s).Sockets);
            var socketsAfter = last.Max(s => pick(s).Sockets);
            var socketLimit = (socketsBefore * (1 + ConnectionSlack)) + 10;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"instance {name}, last third vs middle third: working set {workingSet / Mib:+0.0;-0.0} MiB, GC heap {heap / Mib:+0.0;-0.0} MiB, most sockets {socketsBefore} -> {socketsAfter} (limits +{settings.MaxGrowthBytes / Mib:F0} MiB, {socketLimit:F0} sockets)"));
            failed |= workingSet > settings.MaxGrowthBytes || heap > settings.MaxGrowthBytes || socketsAfter > socketLimit;
        }

        Console.WriteLine(failed ? "soak: FAILED" : "soak: passed");
        return failed ? 1 : 0;
    }

    private static string Cells(InstanceSample s) => string.Create(CultureInfo.InvariantCulture,
        $"{s.WorkingSet / Mib:F0} | {s.GcHeap / Mib:F1} | {s.Sockets} | {s.KestrelConnections:F0} | {s.ConnectedPlayers:F0}");
}
