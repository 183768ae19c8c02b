namespace Igo.Computer.Background;

/// <summary>
/// Lets background engine work (the scoring phase's dead-stone suggestion, the engine review of finished games) run
/// only while the machine has CPU to spare: while normal-priority work keeps more than <paramref name="busyLimit"/> of
/// all cores busy, it waits or is skipped. Idle scheduling alone does not keep it out of the games' way: at 200 games of
/// the headline load a GNU Go under <c>SCHED_IDLE</c> and nice 19 still took half a core in the games' short gaps, and
/// cost a quarter of the actions per second (docs/BENCHMARKS.md, "Background engines under load"). Off Linux (no
/// <c>/proc/stat</c>), or with a limit of 1, the gate is always open.
/// </summary>
public sealed class BackgroundCpuGate(Func<CpuTimes?> readTimes, double busyLimit, TimeProvider time)
{
    /// <summary>The shortest span the busy share is measured over (a few dozen clock ticks on two cores).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(500);

    /// <summary>How often work waiting for spare CPU looks again.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);

    private readonly Lock gate = new();
    private CpuTimes? sample;
    private long sampledAt;
    private bool open = true;

    /// <summary>The gate on this machine's <c>/proc/stat</c>.</summary>
    public BackgroundCpuGate(double busyLimit, TimeProvider time)
        : this(CpuTimes.ReadMachine, busyLimit, time)
    {
    }

    /// <summary>
    /// Whether background work may run now: normal work kept the CPUs busy less than the limit since the previous look
    /// (at least <see cref="Window"/> ago; a look within it gets the same answer). The first look, with nothing to compare
    /// yet, says yes; after a long quiet spell one look averages over all of it, and the next one, half a second on, no
    /// longer does.
    /// </summary>
    public bool HasSpareCpu()
    {
        if (busyLimit >= 1)
        {
            return true;
        }

        lock (gate)
        {
            if (sample is not null && time.GetElapsedTime(sampledAt) < Window)
            {
                return open;
            }

            var now = readTimes();
            if (now is null)
            {
                return open = true;
            }

            if (sample is { } earlier)
            {
                open = now.Value.BusySince(earlier) < busyLimit;
            }

            sample = now;
            sampledAt = time.GetTimestamp();
            return open;
        }
    }

    /// <summary>Returns once the machine has CPU to spare, looking again every <see cref="RetryInterval"/>.</summary>
    public async Task WaitForSpareCpuAsync(CancellationToken cancellationToken)
    {
        while (!HasSpareCpu())
        {
            await Task.Delay(RetryInterval, time, cancellationToken);
        }
    }
}
