using System.Globalization;

namespace Igo.Bench.Soak;

/// <summary>The soak's command line: <c>soak [--games 200] [--minutes 10] [--moves 60] [--think-ms 1000] [--max-growth-mib 64] [--pg "&lt;Npgsql connection string&gt;"]</c>.</summary>
internal sealed record SoakSettings(int Games, TimeSpan Duration, int Moves, TimeSpan ThinkTime, long MaxGrowthBytes, string Postgres)
{
    public static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(10);

    public static SoakSettings Parse(string[] args)
    {
        var postgres = Value(args, "--pg") ?? Environment.GetEnvironmentVariable("IGO_TEST_PG")
            ?? throw new ArgumentException("Give a PostgreSQL connection string with --pg or IGO_TEST_PG (a database is created in it and dropped after)");
        return new SoakSettings(
            int.Parse(Value(args, "--games") ?? "200", CultureInfo.InvariantCulture),
            TimeSpan.FromMinutes(double.Parse(Value(args, "--minutes") ?? "10", CultureInfo.InvariantCulture)),
            int.Parse(Value(args, "--moves") ?? "60", CultureInfo.InvariantCulture),
            TimeSpan.FromMilliseconds(int.Parse(Value(args, "--think-ms") ?? "1000", CultureInfo.InvariantCulture)),
            long.Parse(Value(args, "--max-growth-mib") ?? "64", CultureInfo.InvariantCulture) << 20,
            postgres);
    }

    private static string? Value(string[] args, string name) => BenchOptions.Get(args, name);
}
