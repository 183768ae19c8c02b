using System.Runtime.InteropServices;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace Igo.Bench;

/// <summary>
/// The process's CPU time (Linux <c>clock_gettime(CLOCK_PROCESS_CPUTIME_ID)</c>) as BenchmarkDotNet's clock. On a
/// machine shared with other work, wall-clock figures swing with the load while CPU time holds still, so two builds
/// are compared by the work they do rather than by the CPU they happen to get. Set <c>IGO_BENCH_CPU_TIME=1</c> to use
/// it: the benchmarks then run in process on this clock. For a search on several threads the figure is CPU time of all
/// threads together, not the time a move takes.
/// </summary>
internal sealed partial class CpuClock : IClock
{
    private const int ProcessCpuTime = 2; // CLOCK_PROCESS_CPUTIME_ID

    public static bool Requested => Environment.GetEnvironmentVariable("IGO_BENCH_CPU_TIME") == "1";

    public string Title => "Process CPU time";

    public bool IsAvailable => OperatingSystem.IsLinux();

    public Frequency Frequency => Frequency.GHz;

    /// <summary>BenchmarkDotNet's short run, on wall-clock time or, when asked, in process on CPU time.</summary>
    public static Job ShortRun()
    {
        if (!Requested)
        {
            return Job.ShortRun.WithId("Short");
        }

        var job = Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortCpuTime");
        job.Infrastructure.Clock = new CpuClock();
        return job;
    }

    public long GetTimestamp() => ClockGetTime(ProcessCpuTime, out var time) == 0
        ? (time.Seconds * 1_000_000_000L) + time.Nanoseconds
        : throw new InvalidOperationException("clock_gettime failed");

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
