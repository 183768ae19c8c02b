using System.Runtime.InteropServices;

namespace Igo.Computer;

/// <summary>
/// Linux's <c>SCHED_IDLE</c> policy for background work (the engine review, the advice engines): it runs only on a CPU
/// no normal thread wants, so a busy instance's games always come first. Nice 19 only weights the share: at 200 games
/// of the headline load GNU Go reviewing at nice 19 still took about half a core (docs/BENCHMARKS.md, "The engine
/// review under load"). Lowering one's own thread or child to this policy needs no privilege.
/// </summary>
internal static partial class LinuxIdleScheduling
{
    private const int SchedIdle = 5;

    // PRIO_PROCESS with who 0: on Linux, nice belongs to the calling thread, not the whole process.
    private const int ProcessWhich = 0;

    /// <summary>Puts a process (its main thread: GNU Go has only that one) under <c>SCHED_IDLE</c>; false off Linux or when refused.</summary>
    public static bool TryApply(int processId) => OperatingSystem.IsLinux() && SetIdle(processId);

    /// <summary>
    /// Puts the calling thread under <c>SCHED_IDLE</c> and nice 19 for the rest of its life: only for a thread of one's
    /// own, never a pool thread. Nice too, so its time counts as niced in <c>/proc/stat</c>, as GNU Go's does, and
    /// <see cref="Background.BackgroundCpuGate"/> does not take the review's own work for play.
    /// </summary>
    public static bool TryApplyToCurrentThread() => OperatingSystem.IsLinux() && SetIdle(0) && SetPriority(ProcessWhich, 0, 19) == 0;

    private static bool SetIdle(int processOrThreadId)
    {
        // struct sched_param is one int, the static priority, which must be 0 for SCHED_IDLE.
        var priority = 0;
        return SetScheduler(processOrThreadId, SchedIdle, ref priority) == 0;
    }

    [LibraryImport("libc", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "sched_setscheduler")]
    private static partial int SetScheduler(int processOrThreadId, int policy, ref int priority);
}
