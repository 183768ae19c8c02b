using System.Globalization;

namespace Igo.Bench.Compat;

/// <summary>The load generators' command-line options: <c>--name value</c> pairs, a name may repeat.</summary>
internal static class Options
{
    public static IEnumerable<string> Values(string[] args, string name)
    {
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == name)
            {
                yield return args[i + 1];
            }
        }
    }

    public static int Int(string[] args, string name, int fallback) =>
        Values(args, name).FirstOrDefault() is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
