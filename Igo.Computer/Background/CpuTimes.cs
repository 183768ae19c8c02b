using System.Globalization;

namespace Igo.Computer.Background;

/// <summary>
/// The machine's CPU time so far, in Linux clock ticks over all cores, split into what normal-priority work used
/// (<see cref="Busy"/>) and everything (<see cref="Total"/>). Niced time is not busy: the background engines run at
/// nice 19, so their own work never makes the machine look busy to them.
/// </summary>
public readonly record struct CpuTimes(long Busy, long Total)
{
    private const string ProcStat = "/proc/stat";

    /// <summary>
    /// The first line of <c>/proc/stat</c>: <c>cpu user nice system idle iowait irq softirq steal guest guest_nice</c>
    /// (guest time is already inside user). Busy is user, system, irq, softirq and steal; null when the line is not that.
    /// </summary>
    public static CpuTimes? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 5 || fields[0] != "cpu")
        {
            return null;
        }

        var ticks = new long[8];
        for (var i = 0; i < ticks.Length && i + 1 < fields.Length; i++)
        {
            if (!long.TryParse(fields[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out ticks[i]))
            {
                return null;
            }
        }

        var (user, system, irq, softirq, steal) = (ticks[0], ticks[2], ticks[5], ticks[6], ticks[7]);
        return new CpuTimes(user + system + irq + softirq + steal, ticks.Sum());
    }

    /// <summary>This machine's times now; null off Linux or where <c>/proc/stat</c> cannot be read.</summary>
    public static CpuTimes? ReadMachine()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            using var reader = new StreamReader(ProcStat);
            return reader.ReadLine() is { } line ? Parse(line) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The share of the time between <paramref name="earlier"/> and this that normal work kept the CPUs busy (0 to 1).</summary>
    public double BusySince(CpuTimes earlier)
    {
        var elapsed = Total - earlier.Total;
        return elapsed <= 0 ? 0 : Math.Clamp((double)(Busy - earlier.Busy) / elapsed, 0, 1);
    }
}
