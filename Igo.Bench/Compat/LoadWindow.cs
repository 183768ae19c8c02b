using System.Diagnostics;
using System.Globalization;

namespace Igo.Bench.Compat;

/// <summary>What the generator times: the answer to each kind of action, and the opponent's push of a stone or pass.</summary>
internal enum Timing
{
    NewGame,
    JoinGame,
    Move,
    Pass,
    Push,
}

/// <summary>How a game can fail; each failed game counts once, by the first thing that went wrong.</summary>
internal enum LoadFailure
{
    /// <summary>The WebSocket handshake failed.</summary>
    Connect,

    /// <summary><c>new_game</c> refused, unanswered, or its four messages not as PROTOCOL.md §2.3 says.</summary>
    NewGame,

    /// <summary><c>join_game</c> refused, unanswered, or its messages not as §2.3 says.</summary>
    JoinGame,

    /// <summary>A stone or pass answered with <c>success: false</c>.</summary>
    Refused,

    /// <summary>The server closed or broke a socket during play.</summary>
    Disconnect,

    /// <summary>An expected message did not arrive in time.</summary>
    Timeout,

    /// <summary>A message of another type, or a <c>game_status</c> of another action, came where the next one was due: a status out of order or missing.</summary>
    Order,
}

/// <summary>
/// One measurement window of a load run (cold: the first from the start; warm: after the warm-up). Samples and counts
/// are taken while it is open, from every slot at once; CPU (<see cref="CpuMeter"/>) and the load average are read when
/// it opens and closes.
/// </summary>
internal sealed class LoadWindow(string name, TimeSpan from, TimeSpan length)
{
    private readonly List<double>[] timings = [.. Enum.GetValues<Timing>().Select(_ => new List<double>())];
    private readonly long[] failures = new long[Enum.GetValues<LoadFailure>().Length];
    private long games;
    private long actions;
    private volatile bool open;
    private long openedAt;
    private double seconds;
    private CpuSample cpuAtOpen;
    private CpuSample cpu;
    private MetricsSample? metricsAtOpen;
    private MetricsSample? metrics;
    private string loadAtOpen = "";
    private string loadAtClose = "";

    public TimeSpan From => from;

    public TimeSpan Until => from + length;

    public void Open(CpuMeter meter, MetricsSample read)
    {
        (cpuAtOpen, metricsAtOpen, loadAtOpen, openedAt) = (meter.Sample(), read, LoadAverage(), Stopwatch.GetTimestamp());
        open = true;
    }

    public void Close(CpuMeter meter, MetricsSample read)
    {
        open = false;
        seconds = Stopwatch.GetElapsedTime(openedAt).TotalSeconds;
        (cpu, metrics, loadAtClose) = (meter.Sample() - cpuAtOpen, read - metricsAtOpen!, LoadAverage());
    }

    /// <summary>An action answered with success after <paramref name="milliseconds"/> (or a push received).</summary>
    public void Record(Timing timing, double milliseconds)
    {
        if (!open)
        {
            return;
        }

        if (timing != Timing.Push)
        {
            Interlocked.Increment(ref actions);
        }

        var samples = timings[(int)timing];
        lock (samples)
        {
            samples.Add(milliseconds);
        }
    }

    public void GameCompleted()
    {
        if (open)
        {
            Interlocked.Increment(ref games);
        }
    }

    public void Failed(LoadFailure failure)
    {
        if (open)
        {
            Interlocked.Increment(ref failures[(int)failure]);
        }
    }

    public const string Header = """
        | instances | slots | moves + passes | window | games | actions | actions/s | new_game p50 / p95 / p99 ms | join_game | move | pass | opponent push | errors | CPU ms per action: app / PostgreSQL / generator | CPU ms per game: app / PostgreSQL | load average at start → end |
        | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- | --- | --- | --- | --- | --- | --- | --- | --- |
        """;

    /// <summary>
    /// The window as a row under <see cref="Header"/>, to paste into docs/BENCHMARKS.md. CPU per game is given only when
    /// the slots finished at least two games each in the window: with fewer, the games in flight at either end weigh too much.
    /// </summary>
    public string Row(int instances, int slots, int moves, int passes) => string.Create(CultureInfo.InvariantCulture,
        $"| {instances} | {slots:N0} | {moves} + {passes} | {name} {from.TotalSeconds:F0}–{Until.TotalSeconds:F0} s | {games:N0} | {actions:N0} | {actions / seconds:N0} | {Percentiles(Timing.NewGame)} | {Percentiles(Timing.JoinGame)} | {Percentiles(Timing.Move)} | {Percentiles(Timing.Pass)} | {Percentiles(Timing.Push)} | {Errors()} | {PerUnit(actions, cpu.App, cpu.Postgres, cpu.Generator)} | {(games >= 2 * slots ? PerUnit(games, cpu.App, cpu.Postgres) : "–")} | {loadAtOpen} → {loadAtClose} |");

    /// <summary>The window's garbage collection, app and generator, as a line to print under the table.</summary>
    public string Collections() => string.Create(CultureInfo.InvariantCulture,
        $"Garbage collection, {Name}: app {metrics?.AppGc?.Describe(actions) ?? "unknown (no /metrics)"}; generator {metrics?.GeneratorGc.Describe(actions)}");

    /// <summary>
    /// The window's action path inside the app and its group commits, p50 / p90 / p99 from the instances' histograms,
    /// as a line to print under the table: set against the opponent push, it says how much of the push is the game's.
    /// </summary>
    public string ActionPath() => string.Create(CultureInfo.InvariantCulture,
        $"Action path in the app, {Name}: from reaching its game to its answer {metrics?.Actions?.DescribeSeconds() ?? "unknown"}; group commits {metrics?.Commits?.DescribeSeconds() ?? "none"}");

    private string Name => string.Create(CultureInfo.InvariantCulture, $"{name} {from.TotalSeconds:F0}–{Until.TotalSeconds:F0} s");

    private string Percentiles(Timing timing)
    {
        var sorted = timings[(int)timing].Order().ToArray();
        return sorted.Length == 0
            ? "–"
            : string.Create(CultureInfo.InvariantCulture, $"{At(0.50):F1} / {At(0.95):F1} / {At(0.99):F1}");

        double At(double quantile) => sorted[Math.Min(sorted.Length - 1, (int)(quantile * sorted.Length))];
    }

    private string Errors()
    {
        var kinds = Enum.GetValues<LoadFailure>().Where(f => failures[(int)f] > 0).Select(f => $"{failures[(int)f]} {f}").ToArray();
        return kinds.Length == 0 ? "0" : $"{failures.Sum()} ({string.Join(", ", kinds)})";
    }

    private static string PerUnit(long count, params double[] cpuSeconds) => count == 0
        ? "–"
        : string.Join(" / ", cpuSeconds.Select(s => (s * 1000 / count).ToString("F2", CultureInfo.InvariantCulture)));

    /// <summary>The 1-minute load average (Linux), as other work on a shared machine shows in it.</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
