using Igo.Computer.Background;
using Microsoft.Extensions.Time.Testing;

namespace Igo.Tests.Computer;

/// <summary>Background engine work runs only while play leaves the machine's CPUs spare.</summary>
public sealed class BackgroundCpuGateTests
{
    private readonly FakeTimeProvider time = new();
    private readonly Queue<CpuTimes?> samples = new();

    [Fact]
    public void The_busy_share_counts_user_system_interrupts_and_steal_and_leaves_out_niced_idle_and_io_wait()
    {
        //                                      user nice system idle iowait irq softirq steal guest guest_nice
        var times = CpuTimes.Parse("cpu  87576 11587 36616 45060 860 0 1323 7 0 0");

        Assert.Equal(new CpuTimes(87576 + 36616 + 0 + 1323 + 7, 87576 + 11587 + 36616 + 45060 + 860 + 0 + 1323 + 7), times);
    }

    [Theory]
    [InlineData("")]
    [InlineData("cpu0 1 2 3 4 5 6 7 8")]
    [InlineData("intr 1 2 3 4 5")]
    [InlineData("cpu 1 2 x 4 5")]
    public void A_line_that_is_not_the_machine_total_gives_nothing(string line) => Assert.Null(CpuTimes.Parse(line));

    [Fact]
    public void This_machine_reports_its_cpu_time_on_linux()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/proc/stat is Linux's.");

        var first = CpuTimes.ReadMachine();
        Thread.SpinWait(50_000_000);
        var second = CpuTimes.ReadMachine();

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.True(second.Value.Total > first.Value.Total, $"{first} then {second}");
        Assert.InRange(second.Value.BusySince(first.Value), 0, 1);
    }

    [Fact]
    public void The_gate_closes_while_normal_work_keeps_the_cpus_busier_than_the_limit_and_opens_when_it_eases()
    {
        var gate = Gate(0.5);
        samples.Enqueue(new CpuTimes(0, 0));
        samples.Enqueue(new CpuTimes(90, 100));
        samples.Enqueue(new CpuTimes(100, 200));

        Assert.True(gate.HasSpareCpu());
        time.Advance(BackgroundCpuGate.Window);
        Assert.False(gate.HasSpareCpu());
        time.Advance(BackgroundCpuGate.Window);
        Assert.True(gate.HasSpareCpu());
    }

    [Fact]
    public void Within_one_window_the_gate_keeps_its_answer_without_reading_again()
    {
        var gate = Gate(0.5);
        samples.Enqueue(new CpuTimes(0, 0));
        samples.Enqueue(new CpuTimes(80, 100));

        gate.HasSpareCpu();
        time.Advance(BackgroundCpuGate.Window);
        Assert.False(gate.HasSpareCpu());
        time.Advance(BackgroundCpuGate.Window / 2);

        Assert.False(gate.HasSpareCpu());
        Assert.Empty(samples);
    }

    [Fact]
    public void Where_the_cpu_time_cannot_be_read_the_gate_stays_open()
    {
        var gate = Gate(0.5);
        samples.Enqueue(null);
        samples.Enqueue(null);

        Assert.True(gate.HasSpareCpu());
        time.Advance(BackgroundCpuGate.Window);
        Assert.True(gate.HasSpareCpu());
    }

    [Fact]
    public void A_limit_of_one_never_reads_nor_closes()
    {
        var gate = Gate(1);

        Assert.True(gate.HasSpareCpu());
        time.Advance(BackgroundCpuGate.Window);
        Assert.True(gate.HasSpareCpu());
    }

    [Fact]
    public async Task Waiting_work_goes_on_once_the_machine_has_cpu_to_spare()
    {
        var token = TestContext.Current.CancellationToken;
        var gate = Gate(0.5);
        samples.Enqueue(new CpuTimes(0, 0));
        gate.HasSpareCpu();
        time.Advance(BackgroundCpuGate.Window);
        samples.Enqueue(new CpuTimes(100, 100));

        var waiting = gate.WaitForSpareCpuAsync(token);
        Assert.False(waiting.IsCompleted);

        samples.Enqueue(new CpuTimes(110, 200));
        time.Advance(BackgroundCpuGate.RetryInterval);
        await waiting.WaitAsync(TimeSpan.FromSeconds(10), token);
    }

    private BackgroundCpuGate Gate(double limit) =>
        new(() => samples.Count > 0 ? samples.Dequeue() : throw new InvalidOperationException("No sample left"), limit, time);
}
