using System.Diagnostics;
using System.Globalization;
using Igo.Computer.Gtp;
using Igo.Computer.Review;
using Igo.Domain;
using Microsoft.Extensions.Logging.Abstractions;

namespace Igo.Bench;

/// <summary>
/// Times the engine review of one game with each estimator, as the server makes it (GNU Go at idle priority, the
/// playouts on one thread): by default the 200-move 19x19 GNU Go self-play game in Data/. One run each; on a busy
/// machine the idle-priority GNU Go waits for every other process, so only a quiet machine's figures mean much.
/// </summary>
internal static class EngineReviewTiming
{
    public static async Task<int> RunAsync(string[] args)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && a.EndsWith(".sgf", StringComparison.OrdinalIgnoreCase))
            ?? Path.Combine(AppContext.BaseDirectory, "Data", "gnugo-selfplay-200.sgf");
        var engine = Option(args, "--engine") ?? "both";
        var playouts = int.Parse(Option(args, "--playouts") ?? "400", CultureInfo.InvariantCulture);
        var budget = TimeSpan.FromSeconds(double.Parse(Option(args, "--budget") ?? "5", CultureInfo.InvariantCulture));
        var imported = Sgf.Import(await File.ReadAllTextAsync(file));
        if (imported.Game is not { } game)
        {
            await Console.Error.WriteLineAsync($"{file}: {imported.Error}");
            return 1;
        }

        var record = ReviewRecord.Of(game);
        Console.WriteLine($"{Path.GetFileName(file)}: {record.Size}x{record.Size}, {record.Moves.Count} moves, {Environment.ProcessorCount} cores");
        if (engine is "gnugo" or "both")
        {
            await TimeAsync(new GnuGoLeadEstimator(new GtpCommandLine("/usr/games/gnugo", ["--mode", "gtp"]), budget, NullLogger.Instance), record);
        }

        if (engine is "playouts" or "both")
        {
            await TimeAsync(new PlayoutLeadEstimator(playouts), record);
        }

        return 0;
    }

    private static async Task TimeAsync(IScoreLeadEstimator estimator, ReviewRecord record)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var leads = await estimator.EstimateAsync(record, _ => Task.CompletedTask, CancellationToken.None);
        clock.Stop();
        var ourCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{estimator.Name}: {leads.Count} positions in {clock.Elapsed.TotalSeconds:0.0} s ({clock.Elapsed.TotalMilliseconds / leads.Count:0} ms a position), this process's CPU {ourCpu.TotalSeconds:0.0} s; final estimate {leads[^1]:+0.0;-0.0}"));
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
