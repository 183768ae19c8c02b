using System.Globalization;

namespace Igo.Tests.Computer;

/// <summary>What the Linux kernel says of a process or thread: a numbered field of its <c>stat</c> file (proc(5)).</summary>
internal static class ProcStat
{
    public const int Nice = 19;
    public const int Policy = 41;
    public const int SchedOther = 0;
    public const int SchedIdle = 5;

    /// <summary>A field of <c>/proc/{pid}/stat</c>, or of the calling thread's with <paramref name="processId"/> null.</summary>
    public static int Field(int? processId, int field)
    {
        var stat = File.ReadAllText(processId is { } id ? $"/proc/{id}/stat" : "/proc/thread-self/stat");

        // The command name, field 2, is in parentheses and may hold spaces: count from after it (field 3 on).
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[field - 3], CultureInfo.InvariantCulture);
    }
}
