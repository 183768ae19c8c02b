using System.Diagnostics;
using System.Globalization;

namespace Igo.Bench.Compat;

/// <summary>
/// CPU time used by the processes under test (Linux /proc): the app instances, the PostgreSQL server (postmaster and its
/// children) and this generator. On a machine shared with other work, CPU time per action is the figure that holds still.
/// </summary>
internal sealed class CpuMeter(IReadOnlyList<int> appPids, int? postmasterPid)
{
    private static readonly double TicksPerSecond = 100.0; // USER_HZ on Linux

    /// <summary>The processes named by <c>--app-pid</c> (repeatable) and <c>--postmaster-pid</c>.</summary>
    public static CpuMeter FromArgs(string[] args) => new(
        [.. Options.Values(args, "--app-pid").Select(v => int.Parse(v, CultureInfo.InvariantCulture))],
        Options.Values(args, "--postmaster-pid").Select(v => (int?)int.Parse(v, CultureInfo.InvariantCulture)).FirstOrDefault());

    public CpuSample Sample() => new(
        appPids.Sum(ProcessSeconds),
        postmasterPid is { } pm ? ProcessSeconds(pm) + ChildrenOf(pm).Sum(ProcessSeconds) : 0,
        Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds);

    private static double ProcessSeconds(int pid)
    {
        var fields = StatFields(pid);
        return fields is null ? 0 : (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    private static IEnumerable<int> ChildrenOf(int parent)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && StatFields(pid) is { } fields && fields[1] == parent.ToString(CultureInfo.InvariantCulture))
            {
                yield return pid;
            }
        }
    }

    /// <summary>The fields of /proc/pid/stat after the command name (state, ppid, …), or null when the process is gone.</summary>
    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }
}

internal readonly record struct CpuSample(double App, double Postgres, double Generator)
{
    public static CpuSample operator -(CpuSample after, CpuSample before) =>
        new(after.App - before.App, after.Postgres - before.Postgres, after.Generator - before.Generator);
}
