using System.Globalization;

namespace Igo.Bench.Soak;

/// <summary>The soak's table (one row per sample, as it goes) and its verdict: errors, and growth after the warm-up.</summary>
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
        if (samples.Count < 3)
        {
            Console.WriteLine("too few samples to judge growth");
            return 1;
        }

        var warm = samples[Math.Min(samples.Count - 3, samples.Count / 5)];
        var end = samples[^3..];
        foreach (var (name, pick) in new (string, Func<(InstanceSample A, InstanceSample B, int Errors), InstanceSample>)[] { ("A", s => s.A), ("B", s => s.B) })
        {
            var from = pick(warm);
            var workingSet = end.Average(s => (double)pick(s).WorkingSet) - from.WorkingSet;
            var heap = end.Average(s => pick(s).GcHeap) - from.GcHeap;
            var sockets = end.Max(s => pick(s).Sockets);
            var socketLimit = (from.Sockets * (1 + ConnectionSlack)) + 10;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"instance {name}: working set {workingSet / Mib:+0.0;-0.0} MiB, GC heap {heap / Mib:+0.0;-0.0} MiB, sockets {from.Sockets} -> {sockets} (limits +{settings.MaxGrowthBytes / Mib:F0} MiB, {socketLimit:F0} sockets)"));
            failed |= workingSet > settings.MaxGrowthBytes || heap > settings.MaxGrowthBytes || sockets > socketLimit;
        }

        Console.WriteLine(failed ? "soak: FAILED" : "soak: passed");
        return failed ? 1 : 0;
    }

    private static string Cells(InstanceSample s) => string.Create(CultureInfo.InvariantCulture,
        $"{s.WorkingSet / Mib:F0} | {s.GcHeap / Mib:F1} | {s.Sockets} | {s.KestrelConnections:F0} | {s.ConnectedPlayers:F0}");
}
