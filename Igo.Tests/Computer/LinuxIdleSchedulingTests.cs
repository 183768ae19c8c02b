using Igo.Computer;

namespace Igo.Tests.Computer;

/// <summary>The idle-CPU-only policy of background work, read back from the kernel (/proc, proc(5)).</summary>
[Trait("Category", "Ai")]
public sealed class LinuxIdleSchedulingTests
{
    [Fact]
    public void A_thread_put_on_idle_cpu_runs_under_sched_idle_at_nice_19_and_the_others_do_not()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "SCHED_IDLE is Linux's.");
        (bool Applied, int Policy, int Nice) onIdle = default;
        var thread = new Thread(() => onIdle = (LinuxIdleScheduling.TryApplyToCurrentThread(), ProcStat.Field(null, ProcStat.Policy), ProcStat.Field(null, ProcStat.Nice)));
        thread.Start();
        thread.Join();

        Assert.True(onIdle.Applied);
        Assert.Equal(ProcStat.SchedIdle, onIdle.Policy);
        Assert.Equal(19, onIdle.Nice);
        Assert.Equal(ProcStat.SchedOther, ProcStat.Field(null, ProcStat.Policy));
        Assert.Equal(0, ProcStat.Field(null, ProcStat.Nice));
    }
}
