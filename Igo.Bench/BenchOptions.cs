using System.Globalization;

namespace Igo.Bench;

/// <summary>The benchmarks' command-line options: <c>--name value</c>, the value read in the invariant culture.</summary>
internal static class BenchOptions
{
    public static string? Get(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at < args.Length - 1 ? args[at + 1] : null;
    }

    public static int Integer(string[] args, string name, int fallback) =>
        Get(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    /// <summary>A comma-separated list of integers ("50,100").</summary>
    public static IReadOnlyList<int> Integers(string[] args, string name, string fallback) =>
        [.. (Get(args, name) ?? fallback).Split(',').Select(value => int.Parse(value, CultureInfo.InvariantCulture))];
}
